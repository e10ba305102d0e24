/**
 * Hostile inputs for the fault suite and the check of what became of them.
 *
 * <p>{@link io.wirestream.bench.faults.HostileInputs} writes, deterministically from a seed, at
 * least 1,000 hostile inputs of every {@link io.wirestream.bench.faults.Kind} plus Reuters stories
 * as controls, and {@code manifest.jsonl} saying for each input its file and line, the article ids
 * it may get, the outcomes that keep the promise (rejected at ingest with a reason, dead-lettered
 * with a reason, stored verbatim) and the hashes of the texts a verbatim store must hold. At scale
 * 1 the folder is about 135 MB: one 100 MB line, one 10 MB body, a million-token body (7 MB), two 1
 * MB tokens, two 600 KB repetitions of one word, five 200 KB entity-dense articles, a seed file of
 * a million lines, and small inputs for the rest. The big inputs sort first, so the controls after
 * them queue behind them.
 *
 * <p>{@link io.wirestream.bench.faults.HostileCheck} reads the store, the dead-letter topic and the
 * ingest's standard error, classifies every input with the pure {@link
 * io.wirestream.bench.faults.Classifier}, and prints a markdown table, the violations by kind and
 * the controls' throughput.
 *
 * <p>When the manifest's folder is ingested whole, the manifest is read too; its lines have no
 * body, so each is rejected and none becomes an article.
 */
package io.wirestream.bench.faults;
