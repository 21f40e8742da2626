package app.wauploader.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void reasonsAreOneLineWithoutThePath() {
    assertThat(Names.reason(new AccessDeniedException("/a/b"))).isEqualTo("permission denied");
    assertThat(Names.reason(new NoSuchFileException("/a/b"))).isEqualTo("no longer exists");
    assertThat(Names.reason(new FileSystemException("/a/b", null, "File name too long")))
        .isEqualTo("File name too long");
    assertThat(Names.reason(new NotDirectoryException("/a/b"))).isEqualTo("NotDirectoryException");
    assertThat(Names.reason(new FileNotFoundException("/a/b.zip (Permission denied)")))
        .isEqualTo("permission denied");
    assertThat(
            Names.reason(
                new FileNotFoundException("/a/b.zip: open failed: EACCES (Permission denied)")))
        .isEqualTo("permission denied");
    assertThat(Names.reason(new ZipException("zip END header\nnot found")))
        .isEqualTo("zip END header\\nnot found");
    assertThat(Names.reason(new IOException())).isEqualTo("IOException");
  }

  @Test
  void oneLineEscapesControlCharacters() {
    assertThat(Names.oneLine("a\nb\tc\rd\0e\u007ff é"))
        .isEqualTo("a\\nb\\tc\\rd\\u0000e\\u007ff é");
  }
}
