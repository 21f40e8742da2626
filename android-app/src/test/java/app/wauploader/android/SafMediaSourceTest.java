package app.wauploader.android;

import static org.assertj.core.api.Assertions.assertThat;

import android.content.pm.ProviderInfo;
import android.net.Uri;
import android.provider.DocumentsContract;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.ScanOptions;
import app.wauploader.core.upload.Outcome;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunListener;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import app.wauploader.core.upload.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Test;
import org.robolectric.Robolectric;

/**
 * The Storage Access Framework way in: WhatsApp's media served by a real documents provider over
 * the sample tree, walked with DocumentsContract queries, read by position from the document's file
 * descriptor, and backed up through the facade to the emulator.
 */
public class SafMediaSourceTest extends SignedInAppTest {
  private SafMediaSource source(Path media) {
    FolderDocumentsProvider.root = media.toFile();
    ProviderInfo info = new ProviderInfo();
    info.authority = FolderDocumentsProvider.AUTHORITY;
    info.exported = true;
    info.grantUriPermissions = true;
    info.readPermission = android.Manifest.permission.MANAGE_DOCUMENTS;
    info.writePermission = android.Manifest.permission.MANAGE_DOCUMENTS;
    Robolectric.buildContentProvider(FolderDocumentsProvider.class).create(info);
    Uri tree =
        DocumentsContract.buildTreeDocumentUri(
            FolderDocumentsProvider.AUTHORITY, FolderDocumentsProvider.ROOT_ID);
    return new SafMediaSource(fixture.app.getContentResolver(), tree);
  }

  @Test
  public void theTreeIsListedWithTheFolderRulesAndReadByteForByte() throws Exception {
    Path media =
        android.os.Environment.getExternalStorageDirectory().toPath().resolve(MediaAccess.WHATSAPP);
    SafMediaSource saf = source(media);
    saf.check();
    List<MediaEntry> found = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    saf.list(ScanOptions.defaults(), found::add, p -> problems.add(p.toString()));
    assertThat(problems).isEmpty();

    // The same files the local source would take: hidden ones and Stickers/Profile Photos left out.
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.walk(media)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String relative = media.relativize(f).toString();
        if (relative.startsWith(".")
            || relative.contains("/.")
            || relative.startsWith("WhatsApp Stickers")
            || relative.startsWith("WhatsApp Profile Photos")
            || relative.contains(".Statuses")) {
          continue;
        }
        expected.put(
            f.getFileName().toString() + " " + Files.size(f), sha256(Files.readAllBytes(f)));
      }
    }
    Map<String, String> listed = new TreeMap<>();
    for (MediaEntry e : found) {
      assertThat(e.key()).startsWith("saf:content://" + FolderDocumentsProvider.AUTHORITY);
      assertThat(saf.stat(e.key())).get().extracting(s -> s.size()).isEqualTo(e.size());
      try (MediaContent content = saf.open(e.key())) {
        byte[] bytes = new byte[(int) e.size()];
        int done = 0;
        while (done < bytes.length) {
          int n = content.read(done, bytes, done, bytes.length - done);
          assertThat(n).isPositive();
          done += n;
        }
        listed.put(e.name() + " " + e.size(), sha256(bytes));
      }
    }
    assertThat(listed).isEqualTo(expected);
    assertThat(found)
        .filteredOn(e -> e.name().startsWith("IMG-"))
        .allMatch(e -> e.mediaFolder().equals("WhatsApp Images"));
    assertThat(
            saf.stat(
                "saf:"
                    + DocumentsContract.buildDocumentUriUsingTree(
                        DocumentsContract.buildTreeDocumentUri(
                            FolderDocumentsProvider.AUTHORITY, FolderDocumentsProvider.ROOT_ID),
                        FolderDocumentsProvider.ROOT_ID + "/nope")))
        .isEmpty();
  }

  @Test
  public void aBackupThroughTheSafSourceStoresEveryFileOnceAndAgainNothing() throws Exception {
    Path media =
        android.os.Environment.getExternalStorageDirectory().toPath().resolve(MediaAccess.WHATSAPP);
    SafMediaSource saf = source(media);
    app.wauploader.core.app.Backups backups =
        new app.wauploader.core.app.Backups(
            AppEnvironment.of(fixture.app).withKeys(key -> java.util.Optional.of(saf)));
    RunSummary first =
        backups.backup(
            List.of(saf), UploadOptions.defaults(), RunControl.create(), RunListener.NONE);
    assertThat(first.verdict()).as(first.toString()).isEqualTo(Verdict.DONE);
    assertThat(first.count(Outcome.UPLOADED)).isEqualTo(fixture.inspector.items().size());
    long bytes = fixture.inspector.bytesReceived();
    RunSummary second =
        backups.backup(
            List.of(saf), UploadOptions.defaults(), RunControl.create(), RunListener.NONE);
    assertThat(second.bytesSent()).isZero();
    assertThat(fixture.inspector.bytesReceived()).isEqualTo(bytes);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
