package app.wauploader.core.target;

import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** A real emulator on loopback plus the inspection calls tests use. */
public final class EmulatorFixture implements AutoCloseable {
  private final GoogleEmulator emulator;
  private final EmulatorInspector inspector;

  public EmulatorFixture(Path data) throws IOException {
    this(EmulatorConfig.defaults(data));
  }

  public EmulatorFixture(EmulatorConfig config) throws IOException {
    this.emulator = GoogleEmulator.start(config);
    this.inspector = new EmulatorInspector(emulator.baseUri());
  }

  public URI baseUri() {
    return emulator.baseUri();
  }

  public EmulatorInspector inspector() {
    return inspector;
  }

  public GoogleHttp http() {
    return GoogleHttp.create(
        app.wauploader.core.auth.AccessTokens.NONE, GoogleEndpoints.at(emulator.baseUri()));
  }

  public JsonArray items() throws IOException {
    return inspector.items();
  }

  public JsonArray albums() throws IOException {
    return inspector.albums();
  }

  public JsonObject stats() throws IOException {
    return inspector.stats();
  }

  public long bytesReceived() throws IOException {
    return inspector.bytesReceived();
  }

  public JsonElement get(String path) throws IOException {
    return inspector.get(path);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
