package io.wirestream.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a response body as sent, up to a cap, and remembers when bytes last arrived so that the
 * waiting thread can tell a silent server from a slow one. Cancelling the subscription is what
 * closes the connection, so a body over the cap or past the deadline is never read further.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int maxBytes;
  private final boolean truncate;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private volatile long lastActivityNanos = System.nanoTime();
  private volatile boolean cancelled;

  /**
   * @param truncate past the cap, stop and keep what came (for error pages nobody reads) rather
   *     than fail
   */
  BoundedBody(int maxBytes, boolean truncate) {
    this.maxBytes = maxBytes;
    this.truncate = truncate;
  }

  long lastActivityNanos() {
    return lastActivityNanos;
  }

  /** Stops reading and fails the body with the given reason. */
  void abort(FetchException reason) {
    cancelled = true;
    Flow.Subscription s = subscription.get();
    if (s != null) {
      s.cancel();
    }
    result.completeExceptionally(reason);
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    if (!subscription.compareAndSet(null, s) || cancelled) {
      s.cancel();
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    lastActivityNanos = System.nanoTime();
    if (cancelled) {
      return;
    }
    synchronized (bytes) {
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        if ((long) bytes.size() + n > maxBytes) {
          if (truncate) {
            cancelled = true;
            subscription.get().cancel();
            result.complete(bytes.toByteArray());
            return;
          }
          abort(
              new FetchException(
                  FetchException.Reason.TOO_LARGE, "body larger than " + maxBytes + " bytes"));
          return;
        }
        byte[] chunk = new byte[n];
        buffer.get(chunk);
        bytes.write(chunk, 0, n);
      }
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    synchronized (bytes) {
      result.complete(bytes.toByteArray());
    }
  }
}
