package io.wirestream.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Wirestream.class.getPackage().getImplementationVersion();
    return new String[] {"wirestream " + (version == null ? "development build" : version)};
  }
}
