package io.wirestream.cli;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.security.auth.AuthenticationContext;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.KafkaPrincipalBuilder;
import org.apache.kafka.common.security.auth.KafkaPrincipalSerde;
import org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder;

/**
 * Names each connection's principal after the listener it came in on ({@code User:CLIENT}), so that
 * a broker with an authorizer can treat its own listeners and the clients' one differently without
 * TLS or SASL. The serde is the default one: the broker forwards requests to its controller with
 * the principal inside.
 */
public final class ListenerPrincipalBuilder implements KafkaPrincipalBuilder, KafkaPrincipalSerde {

  private final DefaultKafkaPrincipalBuilder serde = new DefaultKafkaPrincipalBuilder(null, null);

  @Override
  public KafkaPrincipal build(AuthenticationContext context) {
    return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, context.listenerName());
  }

  @Override
  public byte[] serialize(KafkaPrincipal principal) throws SerializationException {
    return serde.serialize(principal);
  }

  @Override
  public KafkaPrincipal deserialize(byte[] bytes) throws SerializationException {
    return serde.deserialize(bytes);
  }
}
