package io.wirestream.bench.faults;

import java.util.List;
import java.util.function.IntFunction;

/** A {@link CaseFamily} given as a list of variants, each making an input from a serial. */
record Variants(Kind kind, List<IntFunction<Case>> list) implements CaseFamily {

  @SafeVarargs
  static Variants of(Kind kind, IntFunction<Case>... variants) {
    return new Variants(kind, List.of(variants));
  }

  @Override
  public int variants() {
    return list.size();
  }

  @Override
  public Case make(int variant, int serial) {
    return list.get(variant).apply(serial);
  }
}
