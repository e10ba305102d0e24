package io.wirestream.ingest.page;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether bytes are well-formed UTF-8; a page cut at the size cap may end mid-character. */
final class Utf8Check {

  private Utf8Check() {}

  static boolean isUtf8(byte[] bytes) {
    int end = bytes.length;
    // Up to three bytes of a character cut at the end do not make the rest less UTF-8.
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
      end = end - back - 1;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, end));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
