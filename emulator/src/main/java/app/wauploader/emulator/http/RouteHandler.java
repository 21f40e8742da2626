package app.wauploader.emulator.http;

import java.io.IOException;

/** Answers one request of a route. */
@FunctionalInterface
public interface RouteHandler {
  /**
   * @return the answer to write
   * @throws ApiError to answer with the service's error body
   * @throws ClientDisconnectedException when the client went away mid-body (no answer is written)
   * @throws IOException on a server-side I/O failure (answered with 500)
   */
  Reply handle(ApiRequest request) throws IOException;
}
