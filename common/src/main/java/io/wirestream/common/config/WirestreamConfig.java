package io.wirestream.common.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * Every Wirestream setting, declared once with its type, default, validation and documentation.
 *
 * <p>Values are layered: defaults here, then a properties file, then {@code WIRESTREAM_*}
 * environment variables ({@code WIRESTREAM_TOPIC_RAW} sets {@code topic.raw}), then command-line
 * options. Keys under {@code kafka.} pass through to every Kafka client with the prefix removed,
 * which is how SASL/SSL and tuning settings reach the producer, consumer, admin and Streams.
 */
public final class WirestreamConfig extends AbstractConfig {

  public static final String ENV_PREFIX = "WIRESTREAM_";
  public static final String KAFKA_PREFIX = "kafka.";

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String BROKER_CONNECT_TIMEOUT_MS = "broker.connect.timeout.ms";
  public static final String TOPIC_RAW = "topic.raw";
  public static final String TOPIC_ENRICHED = "topic.enriched";
  public static final String TOPIC_DLQ = "topic.dlq";
  public static final String TOPIC_INGEST_STATE = "topic.ingest.state";
  public static final String TOPIC_FEEDS = "topic.feeds";
  public static final String INGEST_FEEDS_GROUP_ID = "ingest.feeds.group.id";
  public static final String TOPIC_PARTITIONS = "topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
  public static final String TOPIC_DLQ_RETENTION_MS = "topic.dlq.retention.ms";
  public static final String INGEST_POLL_INTERVAL_MS = "ingest.poll.interval.ms";
  public static final String INGEST_PROGRESS_INTERVAL_MS = "ingest.progress.interval.ms";
  public static final String INGEST_FEED_POLL_INTERVAL_MS = "ingest.feed.poll.interval.ms";
  public static final String INGEST_FEED_MIN_INTERVAL_MS = "ingest.feed.min.interval.ms";
  public static final String INGEST_FEED_MAX_INTERVAL_MS = "ingest.feed.max.interval.ms";
  public static final String INGEST_FEED_MAX_FAILURES = "ingest.feed.max.failures";
  public static final String INGEST_FEED_FETCH_THREADS = "ingest.feed.fetch.threads";
  public static final String INGEST_FETCH_CONNECT_TIMEOUT_MS = "ingest.fetch.connect.timeout.ms";
  public static final String INGEST_FETCH_READ_TIMEOUT_MS = "ingest.fetch.read.timeout.ms";
  public static final String INGEST_FETCH_TOTAL_TIMEOUT_MS = "ingest.fetch.total.timeout.ms";
  public static final String INGEST_FETCH_MAX_BYTES = "ingest.fetch.max.bytes";
  public static final String INGEST_FETCH_MAX_DECODED_BYTES = "ingest.fetch.max.decoded.bytes";
  public static final String INGEST_FETCH_MAX_REDIRECTS = "ingest.fetch.max.redirects";
  public static final String INGEST_FETCH_ALLOW_PRIVATE = "ingest.fetch.allow.private";
  public static final String INGEST_FETCH_ALLOW_FILE = "ingest.fetch.allow.file";
  public static final String INGEST_FETCH_USER_AGENT = "ingest.fetch.user.agent";
  public static final String INGEST_FETCH_HOST_DELAY_MS = "ingest.fetch.host.delay.ms";
  public static final String INGEST_FETCH_HOST_CONCURRENCY = "ingest.fetch.host.concurrency";
  public static final String INGEST_FETCH_ROBOTS_TTL_MS = "ingest.fetch.robots.ttl.ms";
  public static final String INGEST_MAX_LINE_BYTES = "ingest.max.line.bytes";
  public static final String INGEST_MAX_FILE_BYTES = "ingest.max.file.bytes";
  public static final String INGEST_SEND_GIVE_UP_MS = "ingest.send.give.up.ms";
  public static final String INGEST_EXACTLY_ONCE = "ingest.exactly.once";
  public static final String INGEST_COMMIT_INTERVAL_MS = "ingest.commit.interval.ms";
  public static final String INGEST_INSTANCE_ID = "ingest.instance.id";
  public static final String INGEST_PAGE_MAX_BYTES = "ingest.page.max.bytes";
  public static final String INGEST_SITEMAP_MAX_DEPTH = "ingest.sitemap.max.depth";
  public static final String INGEST_FETCH_PAGES = "ingest.fetch.pages";
  public static final String INGEST_FILES_FETCH_PAGES = "ingest.files.fetch.pages";
  public static final String INGEST_SITEMAP_MAX_SITEMAPS = "ingest.sitemap.max.sitemaps";
  public static final String ENRICH_APPLICATION_ID = "enrich.application.id";
  public static final String ENRICH_THREADS = "enrich.threads";
  public static final String ENRICH_VERSION = "enrich.version";
  public static final String ENRICH_ERROR_POLICY = "enrich.error.policy";
  public static final String ENRICH_NER_MODEL = "enrich.ner.model";
  public static final String ENRICH_STATE_DIR = "enrich.state.dir";
  public static final String ENRICH_INSTANCE_ID = "enrich.instance.id";
  public static final String ENRICH_SESSION_TIMEOUT_MS = "enrich.session.timeout.ms";
  public static final String ENRICH_MAX_BODY_CHARS = "enrich.max.body.chars";
  public static final String ENRICH_COMMIT_INTERVAL_MS = "enrich.commit.interval.ms";

  /** Default of {@link #ENRICH_MAX_BODY_CHARS}. */
  public static final int DEFAULT_MAX_BODY_CHARS = 100_000;

  public static final String ENRICH_TOKENS = "enrich.tokens";
  public static final String ENRICH_DEDUP_ENABLED = "enrich.dedup.enabled";
  public static final String ENRICH_DEDUP_SIMHASH_MAX_DISTANCE =
      "enrich.dedup.simhash.max.distance";
  public static final String ENRICH_DEDUP_TITLE_WINDOW_MS = "enrich.dedup.title.window.ms";
  public static final String ENRICH_DEDUP_BODY_WINDOW_MS = "enrich.dedup.body.window.ms";

  public static final String SINK_STORE = "sink.store";
  public static final String SINK_GROUP_ID = "sink.group.id";
  public static final String SINK_BATCH_SIZE = "sink.batch.size";
  public static final String SINK_INSTANCE_ID = "sink.instance.id";
  public static final String SINK_SESSION_TIMEOUT_MS = "sink.session.timeout.ms";

  public static final String HTTP_PORT = "http.port";

  /** Value of {@link #HTTP_PORT} that binds any free port (tests, several services on a host). */
  public static final int HTTP_PORT_ANY = -1;

  public static final String HTTP_HOST = "http.host";
  public static final String LOG_LEVEL = "log.level";
  public static final String LOG_FORMAT = "log.format";
  public static final String LOG_FORMAT_TEXT = "text";
  public static final String LOG_FORMAT_JSON = "json";

  /** Send a record that cannot be enriched to the dead-letter topic and go on. */
  public static final String POLICY_DEAD_LETTER = "dead-letter";

  /** Stop the application on the first record that cannot be enriched. */
  public static final String POLICY_FAIL = "fail";

  public static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              BOOTSTRAP_SERVERS,
              Type.STRING,
              "localhost:9092",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Kafka bootstrap servers, host:port[,host:port...].")
          .define(
              BROKER_CONNECT_TIMEOUT_MS,
              Type.LONG,
              30_000L,
              Range.between(1_000, 3_600_000),
              Importance.MEDIUM,
              "How long every command that needs Kafka waits at start-up for the cluster at"
                  + " bootstrap.servers to answer, in milliseconds, before it exits 1 naming the"
                  + " address. Kafka clients otherwise retry an unreachable or misnamed broker"
                  + " quietly for minutes.")
          .define(
              TOPIC_RAW,
              Type.STRING,
              "news.raw",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Topic of raw articles, keyed by article id. Kept until deleted on purpose.")
          .define(
              TOPIC_ENRICHED,
              Type.STRING,
              "news.enriched",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Topic of enriched articles, keyed by article id, compacted.")
          .define(
              TOPIC_DLQ,
              Type.STRING,
              "news.dlq",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Dead-letter topic: records that could not be enriched, with the reason in headers.")
          .define(
              TOPIC_INGEST_STATE,
              Type.STRING,
              "news.ingest.state",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Compacted topic of ingest's state, keyed by source (file:PATH, feed:URL): what each"
                  + " file and feed held when last published, so that a restarted ingest publishes"
                  + " nothing twice.")
          .define(
              TOPIC_FEEDS,
              Type.STRING,
              "news.feeds",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Compacted topic of the registered feeds, keyed by feed URL (wirestream feeds add);"
                  + " ingest instances divide its partitions, and so its feeds, between them.")
          .define(
              INGEST_FEEDS_GROUP_ID,
              Type.STRING,
              "wirestream-ingest-feeds",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Consumer group in which ingest instances share the registered feeds: each feed is"
                  + " polled by one instance of the group, and a stopped instance's feeds move to"
                  + " the others.")
          .define(
              TOPIC_PARTITIONS,
              Type.INT,
              3,
              Range.between(1, 10_000),
              Importance.LOW,
              "Partitions of each topic when Wirestream creates it.")
          .define(
              TOPIC_REPLICATION_FACTOR,
              Type.SHORT,
              (short) 1,
              Range.between(1, 32),
              Importance.MEDIUM,
              "Replication factor of each topic when Wirestream creates it; use 3 on a production"
                  + " cluster.")
          .define(
              TOPIC_DLQ_RETENTION_MS,
              Type.LONG,
              30L * 24 * 3600 * 1000,
              Range.atLeast(-1),
              Importance.LOW,
              "Retention of dead letters, in milliseconds (-1 keeps them forever).")
          .define(
              INGEST_POLL_INTERVAL_MS,
              Type.LONG,
              2_000L,
              Range.atLeast(100),
              Importance.LOW,
              "How often a following ingest looks for new files.")
          .define(
              INGEST_PROGRESS_INTERVAL_MS,
              Type.LONG,
              10_000L,
              Range.atLeast(0),
              Importance.LOW,
              "How often ingest prints its progress (records read, published, rejected, per"
                  + " second) on standard error while it works, in milliseconds; 0 prints none.")
          .define(
              INGEST_FEED_POLL_INTERVAL_MS,
              Type.LONG,
              300_000L,
              Range.atLeast(1_000),
              Importance.LOW,
              "First interval between two fetches of an RSS/Atom feed, in milliseconds. From"
                  + " there each feed's interval adapts: halved after a fetch with new items,"
                  + " half as long again after one without, never shorter than the feed's own"
                  + " hints (RSS ttl, sy:updatePeriod/sy:updateFrequency, Cache-Control max-age,"
                  + " Expires), and always within ingest.feed.min.interval.ms and"
                  + " ingest.feed.max.interval.ms.")
          .define(
              INGEST_FEED_MIN_INTERVAL_MS,
              Type.LONG,
              300_000L,
              Range.atLeast(0),
              Importance.LOW,
              "Shortest interval between two fetches of one feed, however busy it is, in"
                  + " milliseconds.")
          .define(
              INGEST_FEED_MAX_INTERVAL_MS,
              Type.LONG,
              86_400_000L,
              Range.atLeast(1_000),
              Importance.LOW,
              "Longest interval between two fetches of one feed, however quiet it is or however"
                  + " long it asks to be left alone; also the longest backoff after failures, in"
                  + " milliseconds.")
          .define(
              INGEST_FEED_MAX_FAILURES,
              Type.INT,
              10,
              Range.between(1, 1_000),
              Importance.LOW,
              "Consecutive failed fetches (network errors, HTTP errors, malformed documents)"
                  + " after which a feed is disabled until ingest restarts; before that each"
                  + " failure doubles the wait, with jitter. HTTP 410 Gone disables a feed at once."
                  + " The reason is logged.")
          .define(
              INGEST_FEED_FETCH_THREADS,
              Type.INT,
              8,
              Range.between(1, 256),
              Importance.LOW,
              "Feeds fetched and parsed at the same time (requests to one host still go one at a"
                  + " time, see ingest.fetch.host.concurrency).")
          .define(
              INGEST_FETCH_CONNECT_TIMEOUT_MS,
              Type.LONG,
              10_000L,
              Range.atLeast(1),
              Importance.LOW,
              "How long a fetch waits for a TCP connection, in milliseconds.")
          .define(
              INGEST_FETCH_READ_TIMEOUT_MS,
              Type.LONG,
              30_000L,
              Range.atLeast(1),
              Importance.LOW,
              "Longest silence a fetch accepts from a server, waiting for the response headers or"
                  + " for the next bytes of the body, in milliseconds.")
          .define(
              INGEST_FETCH_TOTAL_TIMEOUT_MS,
              Type.LONG,
              60_000L,
              Range.atLeast(1),
              Importance.LOW,
              "Longest time one fetch may take, redirects, robots.txt and waiting for the host"
                  + " included, in milliseconds: a server that trickles its answer a byte at a time"
                  + " is cut off here.")
          .define(
              INGEST_FETCH_MAX_BYTES,
              Type.INT,
              16 << 20,
              Range.between(1024, Integer.MAX_VALUE - 8),
              Importance.LOW,
              "Largest response body a fetch reads as sent (compressed), in bytes; a larger one"
                  + " is abandoned at this size.")
          .define(
              INGEST_FETCH_MAX_DECODED_BYTES,
              Type.INT,
              32 << 20,
              Range.between(1024, Integer.MAX_VALUE - 8),
              Importance.LOW,
              "Largest response body once gzip or deflate is undone, in bytes; decompression"
                  + " stops here, so a small compressed bomb cannot fill the memory.")
          .define(
              INGEST_FETCH_MAX_REDIRECTS,
              Type.INT,
              5,
              Range.between(0, 20),
              Importance.LOW,
              "Redirects (301, 302, 303, 307, 308) a fetch follows; a loop is refused at once.")
          .define(
              INGEST_FETCH_ALLOW_PRIVATE,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Whether fetches may reach loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),"
                  + " link-local, multicast or unspecified addresses. Off, a feed (or a redirect"
                  + " from one) cannot make ingest read internal services; checked on the resolved"
                  + " address of the first request and of every redirect.")
          .define(
              INGEST_FETCH_ALLOW_FILE,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "Whether file: URLs may be given as feeds (read from the local disk, for tests and"
                  + " local mirrors). A redirect never leads to a file.")
          .define(
              INGEST_FETCH_USER_AGENT,
              Type.STRING,
              "Wirestream/{version} (news ingestion)",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "User-Agent of every fetch; {version} is replaced by Wirestream's version. Add your"
                  + " contact URL, e.g. 'Wirestream/{version} (+https://news.example.org/bot)':"
                  + " site owners use it to reach whoever runs the crawler. robots.txt rules are"
                  + " matched on the product token 'wirestream'.")
          .define(
              INGEST_FETCH_HOST_DELAY_MS,
              Type.LONG,
              1_000L,
              Range.atLeast(0),
              Importance.LOW,
              "Shortest pause between the end of one request to a host and the start of the next,"
                  + " in milliseconds; a longer robots.txt Crawl-delay wins, and so does a host's"
                  + " Retry-After on HTTP 429 or 503.")
          .define(
              INGEST_FETCH_HOST_CONCURRENCY,
              Type.INT,
              1,
              Range.between(1, 64),
              Importance.LOW,
              "Requests to one host (scheme, name and port) under way at the same time.")
          .define(
              INGEST_FETCH_ROBOTS_TTL_MS,
              Type.LONG,
              86_400_000L,
              Range.atLeast(0),
              Importance.LOW,
              "How long a host's robots.txt is kept before it is fetched again, in milliseconds."
                  + " A robots.txt that could not be fetched (network error, HTTP 5xx) is tried"
                  + " again after at most 10 minutes, and the host is not fetched meanwhile.")
          .define(
              INGEST_MAX_LINE_BYTES,
              Type.INT,
              1 << 20,
              Range.between(1024, 1 << 30),
              Importance.LOW,
              "Longest JSON line ingest reads, in bytes. A longer line is skipped to its newline"
                  + " without being held in memory and rejected; keep it near the producer's"
                  + " max.request.size (kafka.max.request.size), beyond which a record is rejected"
                  + " anyway.")
          .define(
              INGEST_MAX_FILE_BYTES,
              Type.INT,
              1 << 20,
              Range.between(1024, 1 << 30),
              Importance.LOW,
              "Largest seed text file (one article) ingest reads, in bytes; a larger one is"
                  + " rejected having read only this much of it.")
          .define(
              INGEST_PAGE_MAX_BYTES,
              Type.INT,
              2 << 20,
              Range.between(1024, 1 << 30),
              Importance.LOW,
              "Most bytes of an article page the extractor parses; the rest of a larger page is"
                  + " not read (the extracted page says so), which bounds the time and memory one"
                  + " page costs. News pages are mostly under 1 MiB.")
          .define(
              INGEST_FETCH_PAGES,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Whether the page each new or changed feed item links to is fetched (through the"
                  + " same robots.txt, per-host and size rules as feeds) and its extracted text"
                  + " published as the body, the feed's text kept as the summary. Off, the body"
                  + " is the feed's own text, as when a page cannot be fetched.")
          .define(
              INGEST_FILES_FETCH_PAGES,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "Whether a JSON-lines record with a url and no body (or no date) is completed from"
                  + " its page, fetched and extracted as a feed item's is (robots.txt, per-host"
                  + " politeness, size caps, ingest.fetch.*); the page's body, title, authors,"
                  + " date and language fill what the record leaves out. Off, such a record is"
                  + " rejected for its empty body. Files and standard input.")
          .define(
              INGEST_SITEMAP_MAX_DEPTH,
              Type.INT,
              2,
              Range.between(0, 10),
              Importance.LOW,
              "How deep sitemap indexes are followed from a --sitemap URL: 0 reads only the"
                  + " sitemap named, 1 also the sitemaps an index at that URL lists, and so on."
                  + " Deeper sitemaps are reported and not read.")
          .define(
              INGEST_SITEMAP_MAX_SITEMAPS,
              Type.INT,
              50,
              Range.between(1, 50_000),
              Importance.LOW,
              "Most sitemaps read in one poll of one --sitemap URL, the URL itself and the"
                  + " sitemaps its indexes list counted together; the rest are reported and not"
                  + " read, so that a huge index cannot hold ingest for hours.")
          .define(
              INGEST_SEND_GIVE_UP_MS,
              Type.LONG,
              900_000L,
              Range.atLeast(1_000),
              Importance.MEDIUM,
              "How long ingest keeps re-sending an article the broker does not acknowledge (broker"
                  + " down, leader moving), with backoff, before counting it as not delivered."
                  + " A file or feed fetch is done only when all its articles are acknowledged:"
                  + " a following ingest reads it again on a later pass; a one-shot ingest exits"
                  + " 1 and says how many articles it could not deliver.")
          .define(
              INGEST_EXACTLY_ONCE,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Whether ingest publishes in Kafka transactions: the articles, dead letters and"
                  + " state marks of each commit interval become visible together or not at all,"
                  + " so an ingest killed at any point and started again publishes each article"
                  + " once. Readers of news.raw must read committed records (enrich and the sink"
                  + " do). Off, a kill between the broker's acknowledgement and the state mark"
                  + " publishes those articles again, under the same ids.")
          .define(
              INGEST_COMMIT_INTERVAL_MS,
              Type.LONG,
              1_000L,
              Range.between(10, 60_000),
              Importance.LOW,
              "With ingest.exactly.once, how often ingest commits its transaction, in"
                  + " milliseconds: the longest an article waits before readers of news.raw see"
                  + " it. A commit also comes whenever 32 MiB of records are waiting.")
          .define(
              INGEST_INSTANCE_ID,
              Type.STRING,
              "",
              Importance.LOW,
              "With ingest.exactly.once, a name for this ingest instance that stays the same over"
                  + " its restarts; its transactional id is wirestream-ingest-NAME. A restarted"
                  + " instance aborts its predecessor's open transaction at once, and fences it if"
                  + " it still runs (the older one stops with an error). Empty: the host name and"
                  + " a hash of the sources given, so the same command on the same host is the"
                  + " same instance. Two instances that run at once on one host over the same"
                  + " sources (registered feeds shared by the group) each need their own name.")
          .define(
              ENRICH_APPLICATION_ID,
              Type.STRING,
              "wirestream-enrich",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Kafka Streams application id of enrich: its consumer group and internal topic"
                  + " prefix. Change it to replay news.raw from the start as a new application.")
          .define(
              ENRICH_THREADS,
              Type.INT,
              1,
              Range.between(1, 256),
              Importance.MEDIUM,
              "Stream threads of enrich; each holds its own name finder over the shared model.")
          .define(
              ENRICH_VERSION,
              Type.INT,
              1,
              Range.atLeast(0),
              Importance.MEDIUM,
              "Enrichment version stamped on each record. The sink keeps the highest version of"
                  + " each article, so raise it when replaying with a new model.")
          .define(
              ENRICH_ERROR_POLICY,
              Type.STRING,
              POLICY_DEAD_LETTER,
              ValidString.in(POLICY_DEAD_LETTER, POLICY_FAIL),
              Importance.MEDIUM,
              "What enrich does with a record it cannot parse or enrich: 'dead-letter' sends it to"
                  + " the dead-letter topic and goes on; 'fail' stops the application.")
          .define(
              ENRICH_NER_MODEL,
              Type.STRING,
              "",
              Importance.LOW,
              "Path of an OpenNLP name finder model; empty uses the model shipped with"
                  + " Wirestream.")
          .define(
              ENRICH_STATE_DIR,
              Type.STRING,
              System.getProperty("java.io.tmpdir") + "/wirestream-streams",
              Importance.LOW,
              "Kafka Streams state directory of enrich.")
          .define(
              ENRICH_INSTANCE_ID,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "Stable name of this enrich instance (e.g. its host name), unique in the"
                  + " application; empty for none. With a name, enrich is a static member of its"
                  + " consumer group (group.instance.id): a restarted instance takes its partitions"
                  + " back at once, without a rebalance. Without one, a restart after a crash waits"
                  + " for enrich.session.timeout.ms.")
          .define(
              ENRICH_SESSION_TIMEOUT_MS,
              Type.INT,
              10_000,
              Range.between(6_000, 300_000),
              Importance.LOW,
              "How long the group waits for a silent enrich instance before giving its"
                  + " partitions to another (session.timeout.ms; heartbeats every third of it)."
                  + " Bounds how long a crashed instance's partitions stand still.")
          .define(
              ENRICH_MAX_BODY_CHARS,
              Type.INT,
              DEFAULT_MAX_BODY_CHARS,
              Range.between(1_000, 100_000_000),
              Importance.LOW,
              "Longest article body, in characters, that enrich analyses. A longer body is"
                  + " analysed up to a sentence or word boundary at or before this length, the"
                  + " record keeps the whole body, and enrichment.analysedChars says where the"
                  + " analysis stopped. Enrichment takes about 0.6 s of one core per"
                  + " 100,000 characters, prose, names or repeated words alike, growing in step"
                  + " with length (docs/benchmarks.md); the default, ten times the longest Reuters"
                  + " story, so bounds the time one article holds a stream thread.")
          .define(
              ENRICH_COMMIT_INTERVAL_MS,
              Type.LONG,
              1_000L,
              Range.between(10, 60_000),
              Importance.LOW,
              "How often enrich commits its exactly-once transaction, in milliseconds"
                  + " (commit.interval.ms): enriched records reach read_committed consumers such as"
                  + " the sink at most this long after they were processed. Each commit holds the"
                  + " stream thread for a few broker round trips (about 15 ms on one host), so a"
                  + " short interval costs throughput: at 200 ms, commits took about 6% of the"
                  + " stream thread's time (docs/benchmarks.md, \"Pipeline overhead\").")
          .define(
              ENRICH_TOKENS,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "Whether enriched records give each sentence its tokens, as [start, end) offsets"
                  + " into the body (sentences[].tokens): the tokens the name finder saw. Off by"
                  + " default: they make a record several times larger.")
          .define(
              ENRICH_DEDUP_ENABLED,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Whether enrich detects duplicates (docs/duplicates.md): an article with the URL or"
                  + " the body of one already seen, the same title from the same source within"
                  + " enrich.dedup.title.window.ms, or a near-identical body, is not analysed"
                  + " again; its record names the original in duplicateOf. Needs two repartition"
                  + " topics and windowed state stores, and costs throughput (docs/benchmarks.md), so it is"
                  + " off by default; off gives the stateless topology.")
          .define(
              ENRICH_DEDUP_SIMHASH_MAX_DISTANCE,
              Type.INT,
              6,
              Range.between(0, 15),
              Importance.LOW,
              "Most bits in which the 64-bit SimHashes of two bodies may differ for the bodies to"
                  + " count as near-identical. On labelled Reuters-21578 pairs, 6 took no pair that was"
                  + " not a near-duplicate and 7 the first ones (docs/duplicates.md); 0 finds"
                  + " only bodies identical in their word 3-shingles.")
          .define(
              ENRICH_DEDUP_TITLE_WINDOW_MS,
              Type.LONG,
              7L * 24 * 3_600_000,
              Range.atLeast(0),
              Importance.LOW,
              "How far apart in publication time two articles of one source with the same"
                  + " normalised title count as duplicates, in milliseconds (7 days).")
          .define(
              ENRICH_DEDUP_BODY_WINDOW_MS,
              Type.LONG,
              30L * 24 * 3_600_000,
              Range.atLeast(0),
              Importance.LOW,
              "How far apart in publication time two articles with the same URL, the same body"
                  + " or near-identical bodies count as duplicates, in milliseconds (30 days);"
                  + " the stores keep each fingerprint this long plus a day.")
          .define(
              SINK_STORE,
              Type.STRING,
              "jdbc:sqlite:wirestream.db",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "JDBC URL of the store: jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=..")
          .define(
              SINK_GROUP_ID,
              Type.STRING,
              "wirestream-sink",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Consumer group of the sink.")
          .define(
              SINK_BATCH_SIZE,
              Type.INT,
              500,
              Range.between(1, 100_000),
              Importance.LOW,
              "Largest number of records the sink writes in one database transaction.")
          .define(
              SINK_INSTANCE_ID,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "Stable name of this sink instance (e.g. its host name), unique in the group;"
                  + " empty for none. With a name, the sink is a static member of its consumer"
                  + " group (group.instance.id): a restarted sink takes its partitions back at"
                  + " once, without a rebalance. Without one, a restart after a crash waits for"
                  + " sink.session.timeout.ms.")
          .define(
              SINK_SESSION_TIMEOUT_MS,
              Type.INT,
              10_000,
              Range.between(6_000, 300_000),
              Importance.LOW,
              "How long the group waits for a silent sink before giving its partitions to"
                  + " another (session.timeout.ms; heartbeats every third of it). Bounds how long"
                  + " a crashed sink's partitions stand still.")
          .define(
              HTTP_PORT,
              Type.INT,
              8080,
              Range.between(HTTP_PORT_ANY, 65_535),
              Importance.MEDIUM,
              "Port of the operations endpoint of ingest, enrich, sink and demo: /metrics"
                  + " (Prometheus text), /health/live and /health/ready. 0 turns it off; -1 binds"
                  + " any free port and logs which. Services sharing a host need a port each.")
          .define(
              HTTP_HOST,
              Type.STRING,
              "0.0.0.0",
              new ConfigDef.NonEmptyString(),
              Importance.LOW,
              "Address the operations endpoint listens on; 127.0.0.1 keeps it to the host.")
          .define(
              LOG_LEVEL,
              Type.STRING,
              "info",
              ValidString.in("error", "warn", "info", "debug", "trace"),
              Importance.LOW,
              "Level of Wirestream's own log (io.wirestream); --quiet makes it warn, --verbose"
                  + " debug. Kafka's clients log their warnings and errors whatever this is (--verbose adds"
                  + " their info lines).")
          .define(
              LOG_FORMAT,
              Type.STRING,
              LOG_FORMAT_TEXT,
              ValidString.in(LOG_FORMAT_TEXT, LOG_FORMAT_JSON),
              Importance.LOW,
              "Format of the log on standard error: 'text' (ISO date-time with offset, level,"
                  + " logger, message) or 'json' (one JSON object a line, for log collectors).");

  /** Where a value came from, for {@code wirestream config}; keys absent are defaults. */
  public static final String ORIGIN_DEFAULT = "default";

  private final Map<String, Object> kafkaOverrides;
  private final Map<String, String> origins;

  /**
   * @throws ConfigException if a value is invalid or a key is not a declared setting
   */
  public WirestreamConfig(Map<String, ?> values) {
    this(values, Map.of());
  }

  private WirestreamConfig(Map<String, ?> values, Map<String, String> origins) {
    super(DEFINITION, checkNames(values), false);
    this.kafkaOverrides = originalsWithPrefix(KAFKA_PREFIX, true);
    this.origins = Map.copyOf(origins);
  }

  /**
   * The layer a setting's value came from: {@code default}, {@code file PATH}, {@code environment
   * WIRESTREAM_...} or {@code option}.
   */
  public String origin(String key) {
    return origins.getOrDefault(key, ORIGIN_DEFAULT);
  }

  private static Map<String, ?> checkNames(Map<String, ?> values) {
    values.keySet().forEach(key -> SettingNames.check(DEFINITION.names(), key, null));
    return values;
  }

  /** Defaults only. */
  public static WirestreamConfig defaults() {
    return new WirestreamConfig(Map.of());
  }

  /**
   * Layers a properties file (may be null), the environment and explicit overrides over the
   * defaults, in that order of increasing precedence.
   */
  public static WirestreamConfig load(
      Path file, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, Object> values = new HashMap<>();
    Map<String, String> origins = new HashMap<>();
    if (file != null) {
      readProperties(file)
          .forEach(
              (key, value) -> {
                SettingNames.check(DEFINITION.names(), key, file.toString());
                values.put(key, value);
                origins.put(key, "file " + file);
              });
    }
    environment.forEach(
        (name, value) ->
            settingOfVariable(name)
                .ifPresent(
                    key -> {
                      SettingNames.check(DEFINITION.names(), key, "variable " + name);
                      values.put(key, value);
                      origins.put(key, "environment " + name);
                    }));
    overrides.forEach(
        (key, value) -> {
          SettingNames.check(DEFINITION.names(), key, "option -D " + key);
          values.put(key, value);
          origins.put(key, "option");
        });
    return new WirestreamConfig(values, origins);
  }

  /**
   * {@code WIRESTREAM_SINK_BATCH_SIZE} → {@code sink.batch.size}; empty for variables without the
   * prefix and for the launcher's and scripts' own variables.
   */
  static Optional<String> settingOfVariable(String name) {
    if (!name.startsWith(ENV_PREFIX) || SettingNames.TOOL_VARIABLES.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(
        name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
  }

  private static Map<String, String> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
    return values;
  }

  /**
   * Properties for any Kafka client: bootstrap servers plus every {@code kafka.*} pass-through.
   * Callers add their own client-specific settings on top.
   */
  public Properties kafkaProperties() {
    Properties properties = new Properties();
    properties.putAll(kafkaOverrides);
    properties.put("bootstrap.servers", getString(BOOTSTRAP_SERVERS));
    return properties;
  }

  public boolean deadLetterOnError() {
    return POLICY_DEAD_LETTER.equals(getString(ENRICH_ERROR_POLICY));
  }
}
