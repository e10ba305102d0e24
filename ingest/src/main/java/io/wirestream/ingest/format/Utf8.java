package io.wirestream.ingest.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding: a wrong byte is an error, not a silent U+FFFD in stored text. */
final class Utf8 {

  private Utf8() {}

  /**
   * @throws CharacterCodingException naming the byte offset of the first invalid sequence
   */
  static String decode(byte[] bytes, int offset, int length) throws CharacterCodingException {
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(in)
          .toString();
    } catch (CharacterCodingException e) {
      throw new CharacterCodingException() {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
          return "invalid UTF-8 at byte " + in.position();
        }
      };
    }
  }
}
