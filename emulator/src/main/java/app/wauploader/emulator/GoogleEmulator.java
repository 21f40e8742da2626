package app.wauploader.emulator;

import app.wauploader.emulator.drive.DriveFilesApi;
import app.wauploader.emulator.drive.DriveUploadApi;
import app.wauploader.emulator.faults.FaultPlan;
import app.wauploader.emulator.faults.FaultRule;
import app.wauploader.emulator.faults.FaultsApi;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Bandwidth;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.inspect.InspectionApi;
import app.wauploader.emulator.inspect.RequestStats;
import app.wauploader.emulator.oauth.OAuthApi;
import app.wauploader.emulator.photos.AlbumsApi;
import app.wauploader.emulator.photos.MediaItemsApi;
import app.wauploader.emulator.photos.PhotosUploadApi;
import app.wauploader.emulator.store.EmulatorClock;
import app.wauploader.emulator.store.EmulatorStore;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the Google APIs wa-uploader uses: Drive v3, the Photos Library API and
 * Google OAuth, served with Google's own paths on {@code http://127.0.0.1:PORT} so that Google's
 * Java clients work against it with only the root URL changed. Listens on loopback only.
 *
 * <p>Protocol sources: Drive uploads
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads, Drive files
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files, Photos uploads
 * https://developers.google.com/photos/library/guides/upload-media, OAuth
 * https://developers.google.com/identity/protocols/oauth2/native-app. See the route classes ({@link
 * DriveUploadApi}, {@link DriveFilesApi}, {@link PhotosUploadApi}, {@link MediaItemsApi}, {@link
 * AlbumsApi}, {@link OAuthApi}, {@link InspectionApi}, {@link FaultsApi}) for each route's
 * contract.
 *
 * <p>State lives in the data directory ({@link EmulatorStore}) and survives a restart with the same
 * directory. Request handling is multi-threaded; the instance is thread-safe.
 */
public final class GoogleEmulator implements AutoCloseable {
  private static final int BACKLOG = 128;

  private final EmulatorConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final EmulatorStore store;
  private final CountDownLatch shutdown;
  private final URI baseUri;
  private final AtomicBoolean closed = new AtomicBoolean();

  private GoogleEmulator(
      EmulatorConfig config,
      HttpServer server,
      ExecutorService executor,
      EmulatorStore store,
      CountDownLatch shutdown,
      URI baseUri) {
    this.config = config;
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.shutdown = shutdown;
    this.baseUri = baseUri;
  }

  /**
   * Opens the data directory, loads the faults file (if any) and starts listening on 127.0.0.1.
   *
   * @throws IOException when the port is taken, the data directory is unusable or in use by another
   *     emulator, or the faults file cannot be read or parsed
   */
  public static GoogleEmulator start(EmulatorConfig config) throws IOException {
    List<FaultRule> initialFaults =
        config.faultsFile() == null ? List.of() : loadFaults(config.faultsFile());
    EmulatorStore store = EmulatorStore.open(config.dataDir());
    ExecutorService executor = null;
    try {
      InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
      // The JDK server leaves Nagle's algorithm on; with the client's delayed ACKs every small
      // answer would then wait ~40 ms on loopback. Google's servers do not behave like that, so
      // the emulator must not either (read once, when the JDK server's config class loads).
      System.setProperty("sun.net.httpserver.nodelay", "true");
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(loopback, config.port()), BACKLOG);
      } catch (BindException e) {
        throw new IOException(
            "cannot listen on 127.0.0.1:" + config.port() + ": " + e.getMessage(), e);
      }
      URI baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

      EmulatorClock clock = EmulatorClock.system();
      RequestStats stats = new RequestStats();
      FaultPlan faults = new FaultPlan();
      faults.add(initialFaults);
      CountDownLatch shutdown = new CountDownLatch(1);

      Router router = new Router();
      DriveUploadApi driveUploads =
          new DriveUploadApi(
              store, clock, java.time.Duration.ofSeconds(config.resumableSessionTtlSeconds()));
      PhotosUploadApi photosUploads =
          new PhotosUploadApi(store, clock, config.photosChunkGranularity());
      OAuthApi oauth = new OAuthApi(store, clock, config.tokenTtlSeconds());
      new DriveFilesApi(store, clock).register(router);
      driveUploads.register(router);
      photosUploads.register(router);
      new MediaItemsApi(
              store,
              clock,
              config.albumCapacity(),
              config.photosStorageBytes(),
              config.checkMediaContent())
          .register(router);
      new AlbumsApi(store, clock, config.albumCapacity()).register(router);
      oauth.register(router);
      new InspectionApi(store, stats, clock).register(router);
      new FaultsApi(faults).register(router);

      RequestDispatcher dispatcher =
          new RequestDispatcher(
              router,
              baseUri,
              stats,
              Bandwidth.of(config.bandwidthBytesPerSecond()),
              faults,
              config.requireAuth() ? Optional.of(oauth) : Optional.empty(),
              Map.of(
                  ApiRoute.DRIVE_UPLOAD,
                  driveUploads::dropSession,
                  ApiRoute.PHOTOS_UPLOAD,
                  photosUploads::dropSession),
              shutdown);
      executor = newExecutor();
      server.createContext("/", dispatcher);
      server.setExecutor(executor);
      server.start();
      return new GoogleEmulator(config, server, executor, store, shutdown, baseUri);
    } catch (IOException | RuntimeException e) {
      if (executor != null) {
        executor.shutdownNow();
      }
      store.close();
      throw e;
    }
  }

  private static List<FaultRule> loadFaults(Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read faults file " + file + ": " + e.getMessage(), e);
    }
    try {
      return FaultRule.parseList(json);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid faults file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A cached pool of daemon threads: one per in-flight request, idle ones die after 30 s. */
  private static ExecutorService newExecutor() {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "google-emulator-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
  }

  /** The base URI, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
  public URI baseUri() {
    return baseUri;
  }

  /** The TCP port listened on. */
  public int port() {
    return baseUri.getPort();
  }

  /** The configuration it was started with (the port as given, possibly 0). */
  public EmulatorConfig config() {
    return config;
  }

  /**
   * Stops listening, drops open connections (stalled ones included), waits up to 5 s for running
   * requests to finish and writes the state a last time. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    shutdown.countDown();
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
        executor.awaitTermination(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      store.close();
    } catch (IOException e) {
      System.err.println(
          "emulator: could not write the final state to "
              + config.dataDir()
              + ": "
              + e.getMessage());
    }
  }
}
