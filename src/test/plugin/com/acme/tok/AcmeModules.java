package com.acme.tok;

import java.util.Set;
import org.tokenomics.spi.TokModule;

/** {@code import "acme:prices"}: Tok sources shipped in this jar under com/acme/tok/modules. */
public final class AcmeModules implements TokModule {
  private final TokModule files = TokModule.ofResources("acme", AcmeModules.class.getClassLoader(), "com/acme/tok/modules");

  @Override
  public String prefix() {
    return "acme";
  }

  @Override
  public String source(String name) {
    return files.source(name);
  }

  @Override
  public Set<String> names() {
    return Set.of("prices");
  }
}
