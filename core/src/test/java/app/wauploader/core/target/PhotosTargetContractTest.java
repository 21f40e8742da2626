package app.wauploader.core.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.photos.PhotosTarget;
import app.wauploader.core.upload.DatabaseContainerIds;
import app.wauploader.db.Database;
import app.wauploader.domain.FailureReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhotosTargetContractTest extends EmulatorTargetContractTest {
  @Override
  protected Target newTarget(GoogleHttp http, ContainerIds containers) {
    return new PhotosTarget(http, containers);
  }

  @Override
  protected String container() {
    return "WhatsApp Images";
  }

  @Test
  void fiftyItemsGoInOneBatchCreateIntoOneAlbumCreatedOnce() throws Exception {
    Target target = target();
    List<CommitRequest> requests = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      byte[] content = random(100 + i, i);
      requests.add(
          new CommitRequest(
              i,
              upload(target, "IMG-" + i + ".jpg", content),
              container(),
              "IMG-" + i + ".jpg",
              sha256(content)));
    }
    List<CommitResult> results = target.commit(requests);
    assertThat(results).hasSize(50).allMatch(r -> r.remoteId().isPresent());
    assertThat(emulator.albums()).hasSize(1);
    assertThat(emulator.albums().get(0).getAsJsonObject().get("title").getAsString())
        .isEqualTo("WhatsApp Images");
    assertThat(emulator.albums().get(0).getAsJsonObject().getAsJsonArray("mediaItemIds"))
        .hasSize(50);
    assertThat(emulator.stats().getAsJsonObject("requests").get("photos.batchCreate").getAsInt())
        .isEqualTo(1);
  }

  /**
   * Google fails the whole batchCreate call when one upload token is used or invalid
   * (gphotos-uploader-cli #132): the target reports the refused receipt for the call; the pipeline
   * bisects the batch.
   */
  @Test
  void aUsedUploadTokenFailsTheWholeCallAsARefusedReceipt() throws Exception {
    Target target = target();
    byte[] a = random(300, 1);
    byte[] b = random(400, 2);
    String tokenA = upload(target, "a.jpg", a);
    target.commit(List.of(new CommitRequest(1, tokenA, container(), "a.jpg", sha256(a))));
    String tokenB = upload(target, "b.jpg", b);
    assertThatThrownBy(
            () ->
                target.commit(
                    List.of(
                        new CommitRequest(1, tokenA, container(), "a.jpg", sha256(a)),
                        new CommitRequest(2, tokenB, container(), "b.jpg", sha256(b)))))
        .isInstanceOf(TargetException.class)
        .satisfies(
            e ->
                assertThat(((TargetException) e).reason())
                    .isEqualTo(FailureReason.RECEIPT_EXPIRED));
    List<CommitResult> alone =
        target.commit(List.of(new CommitRequest(2, tokenB, container(), "b.jpg", sha256(b))));
    assertThat(alone.get(0).remoteId()).as("nothing of the refused call was created").isPresent();
  }

  @Test
  void mediaPhotosCannotReadAreUnsupportedNotResent() throws Exception {
    Target target = target();
    byte[] text = "not a photo at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String token = upload(target, "IMG-x.jpg", text);
    List<CommitResult> results =
        target.commit(List.of(new CommitRequest(1, token, container(), "IMG-x.jpg", sha256(text))));
    assertThat(results.get(0).unsupported()).isTrue();
    assertThat(results.get(0).resend()).isFalse();
  }

  @Test
  void anAlbumMadeEarlierIsFoundInsteadOfCreatedTwice() throws Exception {
    Target target = target();
    byte[] a = random(300, 1);
    target.commit(
        List.of(new CommitRequest(1, upload(target, "a.jpg", a), container(), "a.jpg", sha256(a))));
    try (Database fresh = Database.open(dir.resolve("other.db"))) {
      Target other = new PhotosTarget(emulator.http(), new DatabaseContainerIds(fresh));
      byte[] b = random(300, 2);
      other.commit(
          List.of(
              new CommitRequest(2, upload(other, "b.jpg", b), container(), "b.jpg", sha256(b))));
    }
    assertThat(emulator.albums()).hasSize(1);
  }
}
