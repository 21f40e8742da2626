package app.wauploader.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.core.source.MediaEntry;
import app.wauploader.domain.Service;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router = new Router();

  @Test
  void photosAndVideosGoToAnAlbumNamedAfterTheirFolder() {
    Route route = router.route(file("WhatsApp Images", "IMG-1.jpg", 1000), "image/jpeg");
    assertThat(route).isEqualTo(new Route(Service.PHOTOS, "WhatsApp Images", "IMG-1.jpg"));
    assertThat(router.route(file("WhatsApp Video", "VID-1.mp4", 1000), "video/mp4").service())
        .isEqualTo(Service.PHOTOS);
  }

  @Test
  void everythingElseGoesToDriveUnderWhatsApp() {
    assertThat(router.route(file("WhatsApp Voice Notes", "PTT-1.opus", 10), "audio/ogg"))
        .isEqualTo(new Route(Service.DRIVE, "WhatsApp/WhatsApp Voice Notes", "PTT-1.opus"));
    assertThat(
            router.route(file("WhatsApp Documents", "DOC-1.pdf", 10), "application/zip").service())
        .isEqualTo(Service.DRIVE);
  }

  @Test
  void mediaOfAChatGoToTheChatsAlbumOrFolder() {
    assertThat(
            router.route(
                file("WhatsApp Images", "IMG-1.jpg", 10), "image/jpeg", Optional.of("Family")))
        .isEqualTo(new Route(Service.PHOTOS, "WhatsApp · Family", "IMG-1.jpg"));
    assertThat(
            router.route(
                file("WhatsApp Documents", "DOC-1.pdf", 10),
                "application/pdf",
                Optional.of(" Mum/Dad ")))
        .isEqualTo(new Route(Service.DRIVE, "WhatsApp/Chats/Mum-Dad", "DOC-1.pdf"));
    assertThat(Router.chatContainer(Service.PHOTOS, "x".repeat(600))).hasSize(500);
  }

  @Test
  void filesOverPhotosLimitsGoToDrive() {
    assertThat(
            router
                .route(file("WhatsApp Images", "big.jpg", Router.MAX_PHOTO_BYTES + 1), "image/jpeg")
                .service())
        .isEqualTo(Service.DRIVE);
    assertThat(
            router
                .route(file("WhatsApp Images", "ok.jpg", Router.MAX_PHOTO_BYTES), "image/jpeg")
                .service())
        .isEqualTo(Service.PHOTOS);
    assertThat(
            router
                .route(file("WhatsApp Video", "huge.mp4", Router.MAX_VIDEO_BYTES + 1), "video/mp4")
                .service())
        .isEqualTo(Service.DRIVE);
  }

  private static MediaEntry file(String folder, String name, long size) {
    return new MediaEntry("fs:/m/" + folder + "/" + name, name, folder, size, 0);
  }
}
