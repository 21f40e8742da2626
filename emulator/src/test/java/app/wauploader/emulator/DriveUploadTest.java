package app.wauploader.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DriveUploadTest extends EmulatorTestBase {

  @Test
  void resumableUploadInChunksAnswers308WithRangeAndNeverLocation() {
    byte[] content = TestHttp.randomBytes(3 * KIB_256 + 1000, 1);
    String total = Integer.toString(content.length);
    String session =
        initiateDrive(
            "{\"name\":\"video.mp4\",\"mimeType\":\"video/mp4\","
                + "\"appProperties\":{\"sha256\":\"x\"}}",
            content.length);
    assertThat(session)
        .startsWith(emulator.baseUri() + "/upload/drive/v3/files?uploadType=resumable&upload_id=");

    for (int chunk = 0; chunk < 3; chunk++) {
      TestHttp.Answer answer =
          putChunk(session, content, chunk * KIB_256, (chunk + 1) * KIB_256, total);
      assertThat(answer.status()).isEqualTo(308);
      assertThat(answer.header("Range")).contains("bytes=0-" + ((chunk + 1) * KIB_256 - 1));
      assertThat(answer.header("Location")).isEmpty();
    }
    TestHttp.Answer last = putChunk(session, content, 3 * KIB_256, content.length, total);

    assertThat(last.status()).isEqualTo(200);
    assertThat(last.contentType()).isEqualTo("application/json; charset=UTF-8");
    JsonObject file = last.json();
    assertThat(file.get("kind").getAsString()).isEqualTo("drive#file");
    assertThat(file.get("name").getAsString()).isEqualTo("video.mp4");
    assertThat(file.get("mimeType").getAsString()).isEqualTo("video/mp4");
    assertThat(
            file.get("size").isJsonPrimitive() && file.get("size").getAsJsonPrimitive().isString())
        .isTrue();
    assertThat(file.get("size").getAsString()).isEqualTo(total);
    assertThat(file.get("sha256Checksum").getAsString()).isEqualTo(TestHttp.sha256(content));
    assertThat(file.get("md5Checksum").getAsString()).isEqualTo(TestHttp.md5(content));
    assertThat(file.getAsJsonObject("appProperties").get("sha256").getAsString()).isEqualTo("x");
    assertThat(file.getAsJsonArray("parents")).hasSize(1);

    String id = file.get("id").getAsString();
    assertThat(http.get("/drive/v3/files/" + id + "?alt=media").body()).isEqualTo(content);
    assertThat(http.get("/__emulator/content/" + id).body()).isEqualTo(content);
    assertThat(stats().get("bytesReceived").getAsLong()).isEqualTo(content.length);
  }

  @Test
  void statusQueryReportsStoredBytesThenTheFinishedFile() {
    byte[] content = TestHttp.randomBytes(KIB_256 + 10, 2);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"a.bin\"}", content.length);

    TestHttp.Answer empty = statusQuery(session, total);
    assertThat(empty.status()).isEqualTo(308);
    assertThat(empty.header("Range")).isEmpty();
    assertThat(empty.header("Location")).isEmpty();

    putChunk(session, content, 0, KIB_256, total);
    TestHttp.Answer half = statusQuery(session, total);
    assertThat(half.status()).isEqualTo(308);
    assertThat(half.header("Range")).contains("bytes=0-" + (KIB_256 - 1));

    TestHttp.Answer done = putChunk(session, content, KIB_256, content.length, total);
    assertThat(done.status()).isEqualTo(200);
    TestHttp.Answer again = statusQuery(session, total);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").getAsString()).isEqualTo(done.json().get("id").getAsString());
    assertThat(inspect("items")).hasSize(1);
  }

  @Test
  void chunkPastTheStoredLengthIsRejectedAndAnOverlapIsSkipped() {
    byte[] content = TestHttp.randomBytes(3 * KIB_256, 3);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"b.bin\"}", content.length);

    TestHttp.Answer gap = putChunk(session, content, KIB_256, 2 * KIB_256, total);
    assertThat(gap.status()).isEqualTo(400);
    assertThat(gap.json().getAsJsonObject("error").get("code").getAsInt()).isEqualTo(400);

    assertThat(putChunk(session, content, 0, KIB_256, total).status()).isEqualTo(308);
    TestHttp.Answer overlap = putChunk(session, content, 0, 2 * KIB_256, total);
    assertThat(overlap.status()).isEqualTo(308);
    assertThat(overlap.header("Range")).contains("bytes=0-" + (2 * KIB_256 - 1));

    TestHttp.Answer done = putChunk(session, content, 2 * KIB_256, content.length, total);
    assertThat(done.json().get("sha256Checksum").getAsString()).isEqualTo(TestHttp.sha256(content));
  }

  @Test
  void brokenConnectionKeepsAMultipleOf256KiB() throws Exception {
    byte[] content = TestHttp.randomBytes(4 * KIB_256, 4);
    String total = Integer.toString(content.length);
    String session = initiateDrive("{\"name\":\"c.bin\"}", content.length);

    http.sendPartialAndClose(
        "PUT",
        session,
        content.length,
        TestHttp.slice(content, 0, 600_000),
        "Content-Range",
        "bytes 0-" + (content.length - 1) + "/" + total);

    TestHttp.Answer status = awaitRange(session, total, "bytes=0-" + (2 * KIB_256 - 1));
    assertThat(status.status()).isEqualTo(308);
    assertThat(stats().get("bytesReceived").getAsLong()).isEqualTo(600_000);

    TestHttp.Answer done = putChunk(session, content, 2 * KIB_256, content.length, total);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().get("sha256Checksum").getAsString()).isEqualTo(TestHttp.sha256(content));
  }

  /** The server notices a dropped connection asynchronously; poll briefly. */
  TestHttp.Answer awaitRange(String session, String total, String expectedRange)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    TestHttp.Answer answer;
    do {
      answer = statusQuery(session, total);
      if (answer.header("Range").filter(expectedRange::equals).isPresent()) {
        return answer;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    assertThat(answer.header("Range")).contains(expectedRange);
    return answer;
  }

  @Test
  void unknownSessionAnswers404InDriveErrorShape() {
    TestHttp.Answer answer =
        statusQuery("/upload/drive/v3/files?uploadType=resumable&upload_id=nope", "10");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/json; charset=UTF-8");
    assertThat(
            answer
                .json()
                .getAsJsonObject("error")
                .getAsJsonArray("errors")
                .get(0)
                .getAsJsonObject()
                .get("reason")
                .getAsString())
        .isEqualTo("notFound");
  }

  @Test
  void totalMayStayUnknownUntilTheLastChunk() {
    byte[] content = TestHttp.randomBytes(KIB_256 + 77, 5);
    TestHttp.Answer initiate =
        http.postJson(
            "/resumable/upload/drive/v3/files?uploadType=resumable&fields=*",
            "{\"name\":\"d.bin\"}");
    String session = initiate.header("Location").orElseThrow();

    assertThat(putChunk(session, content, 0, KIB_256, "*").status()).isEqualTo(308);
    TestHttp.Answer done =
        putChunk(session, content, KIB_256, content.length, Integer.toString(content.length));

    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().get("size").getAsString()).isEqualTo(Integer.toString(content.length));
  }

  @Test
  void emptyFileCompletesOnTheStatusQuery() {
    String session = initiateDrive("{\"name\":\"empty.txt\",\"mimeType\":\"text/plain\"}", 0);
    TestHttp.Answer done = statusQuery(session, "0");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().get("size").getAsString()).isEqualTo("0");
    assertThat(done.json().get("sha256Checksum").getAsString())
        .isEqualTo(TestHttp.sha256(new byte[0]));
  }

  @Test
  void gzipAndChunkedInitiationBodyIsDecoded() {
    String folder = createFolder("Backups", null);
    byte[] metadata =
        ("{\"name\":\"z.bin\",\"parents\":[\"" + folder + "\"]}").getBytes(StandardCharsets.UTF_8);
    TestHttp.Answer initiate =
        http.sendChunked(
            "POST",
            "/upload/drive/v3/files?uploadType=resumable&fields=*",
            TestHttp.gzip(metadata),
            "Content-Type",
            "application/json; charset=UTF-8",
            "Content-Encoding",
            "gzip");
    assertThat(initiate.status()).as(initiate.text()).isEqualTo(200);
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    TestHttp.Answer done =
        putChunk(initiate.header("Location").orElseThrow(), content, 0, content.length, "5");
    assertThat(done.json().get("name").getAsString()).isEqualTo("z.bin");
    assertThat(done.json().getAsJsonArray("parents").get(0).getAsString()).isEqualTo(folder);
  }

  @Test
  void multipartAndMediaUploadsCreateFiles() {
    byte[] content = TestHttp.randomBytes(100_000, 6);
    String boundary = "BOUNDARY_xyz";
    byte[] head =
        ("--"
                + boundary
                + "\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n"
                + "{\"name\":\"m.bin\",\"appProperties\":{\"k\":\"v\"}}\r\n"
                + "--"
                + boundary
                + "\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);

    TestHttp.Answer multipart =
        http.post(
            "/upload/drive/v3/files?uploadType=multipart&fields=*",
            body,
            "Content-Type",
            "multipart/related; boundary=" + boundary);
    assertThat(multipart.status()).as(multipart.text()).isEqualTo(200);
    assertThat(multipart.json().get("name").getAsString()).isEqualTo("m.bin");
    assertThat(multipart.json().get("mimeType").getAsString()).isEqualTo("image/jpeg");
    assertThat(multipart.json().get("sha256Checksum").getAsString())
        .isEqualTo(TestHttp.sha256(content));

    TestHttp.Answer media =
        http.post(
            "/upload/drive/v3/files?uploadType=media&fields=*",
            content,
            "Content-Type",
            "image/png");
    assertThat(media.status()).isEqualTo(200);
    assertThat(media.json().get("mimeType").getAsString()).isEqualTo("image/png");
    assertThat(media.json().get("size").getAsString()).isEqualTo("100000");
  }

  @Test
  void concurrentUploadsDoNotInterfere() throws Exception {
    int uploads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    try {
      List<Future<JsonObject>> results = new ArrayList<>();
      List<byte[]> contents = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        byte[] content = TestHttp.randomBytes(4 * KIB_256 + i, 100 + i);
        contents.add(content);
        String name = "{\"name\":\"parallel-" + i + "\"}";
        results.add(
            pool.submit(
                () -> {
                  String session = initiateDrive(name, content.length);
                  String total = Integer.toString(content.length);
                  int from = 0;
                  while (true) {
                    int to = content.length - from < 2 * KIB_256 ? content.length : from + KIB_256;
                    TestHttp.Answer answer = putChunk(session, content, from, to, total);
                    if (to == content.length) {
                      return answer.json();
                    }
                    assertThat(answer.status()).isEqualTo(308);
                    from = to;
                  }
                }));
      }
      for (int i = 0; i < uploads; i++) {
        JsonObject file = results.get(i).get(30, TimeUnit.SECONDS);
        assertThat(file.get("sha256Checksum").getAsString())
            .isEqualTo(TestHttp.sha256(contents.get(i)));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(inspect("items")).hasSize(uploads);
  }

  @Test
  void unknownParentIsRejectedAtInitiation() {
    TestHttp.Answer answer =
        http.postJson(
            "/upload/drive/v3/files?uploadType=resumable&fields=*",
            "{\"name\":\"x\",\"parents\":[\"missing\"]}");
    assertThat(answer.status()).isEqualTo(404);
  }
}
