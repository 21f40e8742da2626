package app.wauploader.android;

import android.content.ContentResolver;
import android.database.Cursor;
import android.net.Uri;
import android.os.ParcelFileDescriptor;
import android.provider.DocumentsContract;
import android.provider.DocumentsContract.Document;
import app.wauploader.core.source.MediaContent;
import app.wauploader.core.source.MediaEntry;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.MediaStat;
import app.wauploader.core.source.Names;
import app.wauploader.core.source.ScanOptions;
import app.wauploader.core.source.SourceProblem;
import app.wauploader.core.source.SourceUnavailableException;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * WhatsApp's media through the Storage Access Framework, for a build without "All files access":
 * the user grants {@code Android/media/com.whatsapp/WhatsApp/Media} (or a folder above it) once
 * with {@code ACTION_OPEN_DOCUMENT_TREE}, and this source walks it with {@link DocumentsContract}
 * queries (https://developer.android.com/reference/android/provider/DocumentsContract). Keys are
 * {@code saf:} + the document's URI, which stays valid while the grant is kept ({@code
 * takePersistableUriPermission}). The same folder rules as the local source ({@link Names}). Reads
 * are positional on the document's file descriptor. Queries use the Bundle form of API 26, the one
 * a {@link android.provider.DocumentsProvider} implements.
 */
final class SafMediaSource implements MediaSource {
  static final String KEY_PREFIX = "saf:";
  private static final String[] COLUMNS = {
    Document.COLUMN_DOCUMENT_ID,
    Document.COLUMN_DISPLAY_NAME,
    Document.COLUMN_MIME_TYPE,
    Document.COLUMN_SIZE,
    Document.COLUMN_LAST_MODIFIED
  };

  private final ContentResolver resolver;
  private final Uri tree;

  /**
   * @param tree the granted tree; null for a source that only reads keys of earlier runs
   */
  SafMediaSource(ContentResolver resolver, Uri tree) {
    this.resolver = resolver;
    this.tree = tree;
  }

  @Override
  public void check() throws SourceUnavailableException {
    if (tree == null) {
      throw new SourceUnavailableException("no folder was chosen", null);
    }
    Uri root =
        DocumentsContract.buildDocumentUriUsingTree(
            tree, DocumentsContract.getTreeDocumentId(tree));
    try (Cursor c = resolver.query(root, COLUMNS, (android.os.Bundle) null, null)) {
      if (c == null || !c.moveToFirst()) {
        throw new SourceUnavailableException("the chosen folder cannot be read: " + tree, null);
      }
    } catch (SecurityException e) {
      throw new SourceUnavailableException(
          "the permission for the chosen folder was taken back; choose it again", null);
    }
  }

  @Override
  public void list(
      ScanOptions options, Consumer<MediaEntry> found, Consumer<SourceProblem> problems)
      throws SourceUnavailableException {
    check();
    String rootId = DocumentsContract.getTreeDocumentId(tree);
    walk(rootId, "/", null, options, found, problems);
  }

  private void walk(
      String documentId,
      String where,
      String mediaFolder,
      ScanOptions options,
      Consumer<MediaEntry> found,
      Consumer<SourceProblem> problems) {
    Uri children = DocumentsContract.buildChildDocumentsUriUsingTree(tree, documentId);
    try (Cursor c = resolver.query(children, COLUMNS, (android.os.Bundle) null, null)) {
      if (c == null) {
        problems.accept(new SourceProblem(where, "cannot be listed"));
        return;
      }
      while (c.moveToNext()) {
        String id = c.getString(0);
        String name = c.getString(1);
        String mime = c.getString(2);
        if (Document.MIME_TYPE_DIR.equals(mime)) {
          if (Names.wantedFolder(name, options)) {
            String folder = mediaFolder != null ? mediaFolder : Names.mediaFolder(name);
            walk(id, where + name + "/", folder, options, found, problems);
          }
        } else if (!Names.hidden(name)) {
          Uri doc = DocumentsContract.buildDocumentUriUsingTree(tree, id);
          found.accept(
              new MediaEntry(
                  KEY_PREFIX + doc,
                  name,
                  mediaFolder != null ? mediaFolder : "WhatsApp",
                  c.isNull(3) ? 0 : c.getLong(3),
                  c.isNull(4) ? 0 : c.getLong(4)));
        }
      }
    } catch (SecurityException | IllegalArgumentException e) {
      problems.accept(
          new SourceProblem(where, "cannot be listed (" + e.getClass().getSimpleName() + ")"));
    }
  }

  @Override
  public boolean accepts(String key) {
    return key.startsWith(KEY_PREFIX);
  }

  @Override
  public Optional<MediaStat> stat(String key) throws IOException {
    Uri doc = uri(key);
    try (Cursor c = resolver.query(doc, COLUMNS, (android.os.Bundle) null, null)) {
      if (c == null || !c.moveToFirst()) {
        return Optional.empty();
      }
      return Optional.of(
          new MediaStat(c.isNull(3) ? 0 : c.getLong(3), c.isNull(4) ? 0 : c.getLong(4)));
    } catch (IllegalArgumentException notFound) {
      // the provider's answer for a document that no longer exists
      return Optional.empty();
    } catch (SecurityException e) {
      throw new IOException("permission denied", e);
    }
  }

  @Override
  public MediaContent open(String key) throws IOException {
    ParcelFileDescriptor fd;
    try {
      fd = resolver.openFileDescriptor(uri(key), "r");
    } catch (FileNotFoundException | IllegalArgumentException e) {
      throw new NoSuchFileException(key.substring(KEY_PREFIX.length()));
    } catch (SecurityException e) {
      throw new IOException("permission denied", e);
    }
    if (fd == null) {
      throw new NoSuchFileException(key.substring(KEY_PREFIX.length()));
    }
    FileInputStream in = new ParcelFileDescriptor.AutoCloseInputStream(fd);
    FileChannel channel = in.getChannel();
    return new MediaContent() {
      @Override
      public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        return channel.read(ByteBuffer.wrap(buffer, offset, length), position);
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  private static Uri uri(String key) {
    if (!key.startsWith(KEY_PREFIX)) {
      throw new IllegalArgumentException("not a Storage Access Framework key");
    }
    return Uri.parse(key.substring(KEY_PREFIX.length()));
  }
}
