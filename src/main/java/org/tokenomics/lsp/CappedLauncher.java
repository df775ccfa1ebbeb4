package org.tokenomics.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * LSP4J's launcher with a cap on the size of one message. LSP4J allocates a buffer of the size a
 * {@code Content-Length} header names before reading the body, so {@code Content-Length:
 * 2147483647} meant a 2 GB allocation or a wait for 2 GB. A message over {@link #MAX_MESSAGE_BYTES}
 * is read and thrown away in small chunks (a client that sent it honestly stays in step; one that
 * lied is read until its stream ends) and the server goes on.
 */
final class CappedLauncher extends LSPLauncher.Builder<LanguageClient> {
  /** A document at the source size limit (1 MiB characters), UTF-8 and JSON-escaped, fits well below this. */
  static final int MAX_MESSAGE_BYTES = 16 << 20;

  private MessageJsonHandler json;
  private RemoteEndpoint endpoint;

  @Override
  protected MessageJsonHandler createJsonHandler() {
    json = super.createJsonHandler();
    return json;
  }

  @Override
  protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
    endpoint = super.createRemoteEndpoint(handler);
    return endpoint;
  }

  @Override
  protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
                                                              LanguageClient proxy) {
    return super.createMessageProcessor(new Capped(input, json, endpoint), consumer, proxy);
  }

  /** The stream reader with the cap. */
  static final class Capped extends StreamMessageProducer {
    private static final Logger LOG = Logger.getLogger(Capped.class.getName());

    Capped(InputStream input, MessageJsonHandler json, MessageIssueHandler issues) {
      super(input, json, issues);
    }

    @Override
    protected boolean handleMessage(InputStream input, Headers headers) throws IOException {
      if (headers.contentLength <= MAX_MESSAGE_BYTES) {
        return super.handleMessage(input, headers);
      }
      LOG.log(Level.WARNING, "skipping a message of {0} bytes (limit: {1})",
          new Object[] {headers.contentLength, MAX_MESSAGE_BYTES});
      byte[] chunk = new byte[8192];
      long left = headers.contentLength;
      while (left > 0) {
        int n = input.read(chunk, 0, (int) Math.min(chunk.length, left));
        if (n < 0) {
          return false; // the stream ended inside the message
        }
        left -= n;
      }
      return true;
    }
  }
}
