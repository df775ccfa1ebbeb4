package org.tokenomics.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tok serve [FILE|DIR] [--port 8080]}: the playground, a page on 127.0.0.1 to edit a model
 * with live diagnostics, tables, charts, sliders, scenarios and Monte Carlo. Runs until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Edit and explore a model in the browser (on 127.0.0.1 only).")
public final class ServeCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|DIR",
      description = "a model to open, or a folder of models (default: the current folder)")
  Path target = Path.of(".");

  @Option(names = "--port", paramLabel = "PORT", description = "the port on 127.0.0.1 (default 8080; 0: any free port)")
  int port = 8080;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    var err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      err.println("tok: --port must be from 0 to 65535");
      return 2;
    }
    Workspace workspace;
    try {
      workspace = Workspace.of(target);
    } catch (IOException e) {
      err.println("tok: " + e.getMessage());
      return 2;
    }
    PlaygroundServer server;
    try {
      server = PlaygroundServer.start(workspace, port);
    } catch (RuntimeException e) { // Javalin wraps the BindException
      err.println(Messages.portInUse(port));
      return 1;
    }
    spec.commandLine().getOut().println(Messages.started(server.url(), workspace.root()));
    spec.commandLine().getOut().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
