package app.wauploader.core.target;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.upload.DatabaseContainerIds;
import app.wauploader.db.Database;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite for a Google target, against a real emulator and a real database. */
abstract class EmulatorTargetContractTest extends TargetContractTest {
  @TempDir Path dir;
  protected EmulatorFixture emulator;
  protected Database db;

  /** The target under test, over {@code http}, remembering containers in {@code containers}. */
  protected abstract Target newTarget(GoogleHttp http, ContainerIds containers);

  @Override
  protected Target target() throws Exception {
    if (emulator == null) {
      emulator = new EmulatorFixture(dir.resolve("emulator"));
      db = Database.open(dir.resolve("wa.db"));
    }
    return newTarget(emulator.http(), new DatabaseContainerIds(db));
  }

  @Override
  protected String storedSha256(Target target, String remoteId) throws Exception {
    for (JsonElement e : emulator.items()) {
      JsonObject item = e.getAsJsonObject();
      if (item.get("id").getAsString().equals(remoteId)) {
        return item.get("sha256").getAsString();
      }
    }
    throw new AssertionError("no stored item " + remoteId);
  }

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }
}
