package io.wirestream.ingest.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A feed as ingest last left it: how to ask whether it changed, its schedule, and the items already
 * delivered with a hash of each one's content.
 *
 * @param etag ETag of the last body read, or null
 * @param lastModified Last-Modified of the last body read, or null
 * @param bodySha256 hex SHA-256 of the last body read, or null
 * @param lastFetch when the feed was last fetched, or null
 * @param lastStatus HTTP status of the last fetch (0 when there was no response)
 * @param lastSuccess when a fetch last succeeded, or null
 * @param lastFailure why the last failed fetch failed, or null
 * @param consecutiveFailures failures since the last success
 * @param nextDue when the feed is to be fetched next, or null for now
 * @param disabled why the feed is no longer fetched, or null
 * @param itemsSeen items delivered from the feed over its life
 * @param items each delivered item the feed still lists, by id: a hash of its content and its
 *     revision
 * @param intervalMillis the poll interval the schedule had learned (from the feed's hints and its
 *     rate of new items), or null in marks written before it was kept
 */
public record FeedMark(
    String url,
    String etag,
    String lastModified,
    String bodySha256,
    Instant lastFetch,
    int lastStatus,
    Instant lastSuccess,
    String lastFailure,
    int consecutiveFailures,
    Instant nextDue,
    String disabled,
    long itemsSeen,
    Map<String, ItemMark> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long intervalMillis) {

  /**
   * A delivered item: the hash of its content, how many times it changed before, and the article id
   * it was published under when that differs from the key (a feed item's id comes from its page's
   * URL; the key, from its GUID or link, is known before the page is fetched). Null in marks
   * written before, whose items were published under their key.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ItemMark(String sha256, int revision, String articleId) {

    public ItemMark(String sha256, int revision) {
      this(sha256, revision, null);
    }

    /** The id the item's revisions are published under. */
    public String articleIdOr(String key) {
      return articleId == null ? key : articleId;
    }
  }

  public FeedMark {
    items = items == null ? Map.of() : Map.copyOf(items);
  }
}
