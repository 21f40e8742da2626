package app.wauploader.android;

import android.database.Cursor;
import android.database.MatrixCursor;
import android.os.CancellationSignal;
import android.os.ParcelFileDescriptor;
import android.provider.DocumentsContract.Document;
import android.provider.DocumentsContract.Root;
import android.provider.DocumentsProvider;
import java.io.File;
import java.io.FileNotFoundException;

/**
 * A real {@link DocumentsProvider} over a folder of the test's file system, as the system's
 * external-storage provider serves {@code Android/media} on a phone: the folder is document {@code
 * root}, the others are {@code root/<relative path>}, children are listed from the disk, documents
 * opened read-only.
 */
public class FolderDocumentsProvider extends DocumentsProvider {
  static final String AUTHORITY = "app.wauploader.test.documents";
  static final String ROOT_ID = "root";
  static volatile File root;

  private static final String[] DOCUMENT_COLUMNS = {
    Document.COLUMN_DOCUMENT_ID,
    Document.COLUMN_DISPLAY_NAME,
    Document.COLUMN_MIME_TYPE,
    Document.COLUMN_SIZE,
    Document.COLUMN_LAST_MODIFIED,
    Document.COLUMN_FLAGS
  };

  @Override
  public boolean onCreate() {
    return true;
  }

  @Override
  public Cursor queryRoots(String[] projection) {
    MatrixCursor c = new MatrixCursor(new String[] {Root.COLUMN_ROOT_ID, Root.COLUMN_DOCUMENT_ID});
    c.addRow(new Object[] {"media", ROOT_ID});
    return c;
  }

  @Override
  public Cursor queryDocument(String documentId, String[] projection) throws FileNotFoundException {
    MatrixCursor c = new MatrixCursor(projection != null ? projection : DOCUMENT_COLUMNS);
    row(c, documentId, file(documentId));
    return c;
  }

  @Override
  public Cursor queryChildDocuments(String parentId, String[] projection, String sortOrder)
      throws FileNotFoundException {
    MatrixCursor c = new MatrixCursor(projection != null ? projection : DOCUMENT_COLUMNS);
    File[] children = file(parentId).listFiles();
    if (children != null) {
      for (File child : children) {
        String id = parentId + "/" + child.getName();
        row(c, id, child);
      }
    }
    return c;
  }

  @Override
  public ParcelFileDescriptor openDocument(
      String documentId, String mode, CancellationSignal signal) throws FileNotFoundException {
    return ParcelFileDescriptor.open(file(documentId), ParcelFileDescriptor.MODE_READ_ONLY);
  }

  @Override
  public boolean isChildDocument(String parentId, String documentId) {
    return documentId.startsWith(parentId + "/");
  }

  private static File file(String documentId) throws FileNotFoundException {
    File f =
        documentId.equals(ROOT_ID)
            ? root
            : documentId.startsWith(ROOT_ID + "/")
                ? new File(root, documentId.substring(ROOT_ID.length() + 1))
                : new File("/nonexistent");
    if (!f.exists()) {
      throw new FileNotFoundException("no document " + documentId);
    }
    return f;
  }

  private static void row(MatrixCursor c, String id, File f) {
    MatrixCursor.RowBuilder r = c.newRow();
    r.add(Document.COLUMN_DOCUMENT_ID, id);
    r.add(Document.COLUMN_DISPLAY_NAME, f.getName());
    r.add(
        Document.COLUMN_MIME_TYPE,
        f.isDirectory() ? Document.MIME_TYPE_DIR : "application/octet-stream");
    r.add(Document.COLUMN_SIZE, f.isDirectory() ? null : f.length());
    r.add(Document.COLUMN_LAST_MODIFIED, f.lastModified());
    r.add(Document.COLUMN_FLAGS, 0);
  }
}
