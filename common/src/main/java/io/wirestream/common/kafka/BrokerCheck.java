package io.wirestream.common.kafka;

import io.wirestream.common.config.WirestreamConfig;
import io.wirestream.common.dlq.ErrorSummary;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * Asks the cluster at {@code bootstrap.servers} to answer before a command starts its clients. A
 * Kafka client given a broker that is down, a host name that does not resolve or an address without
 * a port retries quietly and ends, if ever, with an exception without a message; this check ends
 * within {@code broker.connect.timeout.ms} with one that names the address.
 */
public final class BrokerCheck {

  // host:port or [ipv6]:port; Kafka's own parser says only "Invalid url" and drops the entry.
  private static final Pattern HOST_PORT =
      Pattern.compile("(?:\\[[0-9A-Fa-f:.]+]|[^\\s:\\[\\]]+):([0-9]{1,5})");

  private BrokerCheck() {}

  /** Thrown when the cluster cannot be reached; the message is meant for the operator. */
  public static final class BrokerUnreachableException extends RuntimeException {
    BrokerUnreachableException(String message) {
      super(message);
    }
  }

  /**
   * @throws BrokerUnreachableException if an address is malformed, or no broker answered in time
   */
  public static void require(WirestreamConfig config) {
    String servers = config.getString(WirestreamConfig.BOOTSTRAP_SERVERS);
    checkAddresses(servers);
    long timeout = config.getLong(WirestreamConfig.BROKER_CONNECT_TIMEOUT_MS);
    Properties properties = config.kafkaProperties();
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout);
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
    properties.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    Admin admin;
    try {
      admin = Admin.create(properties);
    } catch (KafkaException e) {
      throw new BrokerUnreachableException(
          "cannot use the Kafka cluster at " + servers + ": " + ErrorSummary.of(e));
    }
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout))
          .clusterId()
          .get(timeout + 2_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new BrokerUnreachableException(
          "no Kafka broker answered at "
              + servers
              + " within "
              + seconds(timeout)
              + " (broker.connect.timeout.ms): "
              + ErrorSummary.of(cause)
              + "; is the broker running and the address right?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerUnreachableException("interrupted while connecting to " + servers);
    } finally {
      admin.close(Duration.ofSeconds(1));
    }
  }

  /**
   * @throws BrokerUnreachableException naming the first entry that is not host:port
   */
  static void checkAddresses(String servers) {
    for (String entry : servers.split(",")) {
      String address = entry.strip();
      var match = HOST_PORT.matcher(address);
      if (!match.matches()) {
        throw new BrokerUnreachableException(
            "bootstrap.servers entry '" + address + "' is not host:port (e.g. localhost:9092)");
      }
      int port = Integer.parseInt(match.group(1));
      if (port < 1 || port > 65_535) {
        throw new BrokerUnreachableException(
            "bootstrap.servers entry '" + address + "' has no valid port (1 to 65535)");
      }
    }
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
