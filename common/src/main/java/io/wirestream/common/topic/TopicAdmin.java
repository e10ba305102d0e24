package io.wirestream.common.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Wirestream's topics explicitly. Relying on broker auto-creation would give the raw topic
 * the broker's default retention and silently break backfills.
 */
public final class TopicAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  /** Creates those of the topics that do not exist yet; existing ones are left as they are. */
  public static void ensureTopics(Admin admin, List<TopicSpec> specs)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<NewTopic> missing = new ArrayList<>();
    for (TopicSpec spec : specs) {
      if (!existing.contains(spec.name())) {
        missing.add(
            new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor())
                .configs(spec.configs()));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      missing.forEach(
          t -> LOG.info("created topic {} ({} partitions)", t.name(), t.numPartitions()));
    } catch (ExecutionException e) {
      // Another instance may have created it between our list and create calls.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }
}
