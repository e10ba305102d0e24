package io.wirestream.bench.faults;

/** A kind of hostile input in several variants; each call makes one fresh input. */
interface CaseFamily {

  Kind kind();

  int variants();

  /**
   * @param variant which variant, {@code 0 <= variant < variants()}
   * @param serial unique across the whole run, so that every accepted input has its own id
   */
  Case make(int variant, int serial);
}
