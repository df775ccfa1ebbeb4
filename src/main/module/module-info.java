/**
 * Tok: a unit-checked language for the economics of AI compute. Only the API ({@code
 * org.tokenomics}) and the plugin extension points ({@code org.tokenomics.spi}) are exported;
 * everything else, the relocated ANTLR, ASM and Commons Math included, is internal.
 *
 * <p>Compiled apart from the sources (so the tests keep the class path) and added to the shaded
 * library jar by the build; the command line, charts and language server are not part of this
 * module's contract and live in the {@code cli} artifact.
 */
module org.tokenomics {
  exports org.tokenomics;
  exports org.tokenomics.spi;

  requires java.scripting;
  // charts (java.awt) are for the command line; a host that draws them asks for java.desktop
  requires static java.desktop;

  uses org.tokenomics.spi.TokFunction;
  uses org.tokenomics.spi.TokModule;
  uses org.tokenomics.spi.TokUnits;
  uses org.tokenomics.spi.TokReporter;

  provides javax.script.ScriptEngineFactory with org.tokenomics.script.TokScriptEngineFactory;
}
