package io.wirestream.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void shouldMaskThePasswordQueryParameterOfAJdbcUrl() {
    assertThat(Secrets.mask("jdbc:postgresql://db:5432/news?user=ws&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/news?user=ws&password=[hidden]&ssl=true");
  }

  @Test
  void shouldMaskThePasswordOfUserInfoInAUrl() {
    assertThat(Secrets.mask("jdbc:postgresql://ws:s3cret@db:5432/news"))
        .isEqualTo("jdbc:postgresql://ws:[hidden]@db:5432/news");
  }

  @Test
  void shouldMaskPasswordsInsideAJaasLine() {
    assertThat(
            Secrets.mask(
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"alice\" password=\"alice-secret\";"))
        .doesNotContain("alice-secret")
        .contains("username=\"alice\"");
  }

  @Test
  void shouldMaskCredentialsInsideAnErrorMessage() {
    assertThat(
            Secrets.mask("cannot connect to jdbc:postgresql://db/news?password=hunter2: refused"))
        .doesNotContain("hunter2");
  }

  @Test
  void shouldHideWholeValuesOfPasswordKeyAndTokenSettings() {
    assertThat(Secrets.show("kafka.ssl.keystore.password", "pw")).isEqualTo(Secrets.HIDDEN);
    assertThat(Secrets.show("kafka.ssl.key.password", "pw")).isEqualTo(Secrets.HIDDEN);
    assertThat(Secrets.show("kafka.ssl.keystore.key", "-----BEGIN")).isEqualTo(Secrets.HIDDEN);
    assertThat(Secrets.show("kafka.sasl.jaas.config", "x")).isEqualTo(Secrets.HIDDEN);
    assertThat(Secrets.show("kafka.sasl.oauthbearer.token.endpoint.url", "u"))
        .isEqualTo(Secrets.HIDDEN);
  }

  @Test
  void shouldShowOrdinarySettingsAsTheyAre() {
    assertThat(Secrets.show("topic.raw", "news.raw")).isEqualTo("news.raw");
    assertThat(Secrets.show("sink.store", "jdbc:sqlite:wirestream.db"))
        .isEqualTo("jdbc:sqlite:wirestream.db");
  }
}
