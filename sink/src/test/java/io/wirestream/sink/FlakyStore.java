package io.wirestream.sink;

import io.wirestream.common.model.EnrichedArticle;
import io.wirestream.sink.store.ArticleStore;
import io.wirestream.sink.store.StoreException;
import io.wirestream.sink.store.WriteResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that can be told to fail: the next N writes, or any write holding one article. */
final class FlakyStore implements ArticleStore {

  private final ArticleStore delegate;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile StoreException.Kind failureKind = StoreException.Kind.RETRIABLE;
  private volatile String rejectedId;
  final AtomicInteger writes = new AtomicInteger();

  FlakyStore(ArticleStore delegate) {
    this.delegate = delegate;
  }

  FlakyStore failNext(int writes, StoreException.Kind kind) {
    failureKind = kind;
    failuresLeft.set(writes);
    return this;
  }

  FlakyStore reject(String articleId) {
    rejectedId = articleId;
    return this;
  }

  @Override
  public WriteResult write(List<EnrichedArticle> batch) {
    writes.incrementAndGet();
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StoreException("injected " + failureKind + " failure", failureKind, null);
    }
    if (batch.stream().anyMatch(record -> record.article().id().equals(rejectedId))) {
      throw new StoreException(
          "injected rejection of " + rejectedId, StoreException.Kind.DATA, null);
    }
    return delegate.write(batch);
  }

  @Override
  public Optional<EnrichedArticle> find(String articleId) {
    return delegate.find(articleId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
