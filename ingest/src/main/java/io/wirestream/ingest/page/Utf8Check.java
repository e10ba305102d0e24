package io.wirestream.ingest.page;

/** Whether bytes are well-formed UTF-8; a page cut at the size cap may end mid-character. */
final class Utf8Check {

  private Utf8Check() {}

  /**
   * Checks the bytes in place, without decoding them: overlong forms, surrogates and code points
   * above U+10FFFF are not UTF-8; a sequence cut by the end of the bytes is forgiven.
   */
  static boolean isUtf8(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length;
      int min;
      if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        min = 0x800;
      } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        min = 0x10000;
      } else {
        return false;
      }
      if (i + length > n) {
        return trailingOk(bytes, i + 1, n);
      }
      int cp = b & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        int c = bytes[i + k] & 0xFF;
        if ((c & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += length;
    }
    return true;
  }

  private static boolean trailingOk(byte[] bytes, int from, int to) {
    for (int k = from; k < to; k++) {
      if ((bytes[k] & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }
}
