package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code completion bash} is a script bash accepts and completes every command with; the man page
 * generated at build time is in target/man and in the jar, and {@code man -l} renders it.
 */
class CompletionAndManPageTest {
  static final List<String> COMMANDS =
      List.of(
          "upload",
          "resume",
          "chats",
          "db",
          "auth",
          "status",
          "errors",
          "doctor",
          "report",
          "config",
          "completion");

  @TempDir Path dir;

  @Test
  void completionScriptIsValidBashAndKnowsTheCommands() throws Exception {
    CliRun run = CliRun.of("completion", "bash");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path script = Files.writeString(dir.resolve("wa-uploader.bash"), run.out());
    Process check =
        new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(run.out()).contains("complete -F");
    for (String command : COMMANDS) {
      assertThat(run.out()).as(command).containsPattern("\\b" + command + "\\b");
    }
    // Sourced in bash, completing "wa-uploader rep" offers report.
    Process complete =
        new ProcessBuilder(
                "bash",
                "-c",
                "source "
                    + script
                    + "; COMP_WORDS=(wa-uploader rep); COMP_CWORD=1; COMP_LINE='wa-uploader rep';"
                    + " COMP_POINT=${#COMP_LINE}; _complete_wa-uploader 2>/dev/null;"
                    + " echo \"${COMPREPLY[@]}\"")
            .redirectErrorStream(true)
            .start();
    String offered = new String(complete.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(complete.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(offered.trim()).isEqualTo("report");
  }

  @Test
  void manPageIsGeneratedShippedAndRenders() throws Exception {
    Path page = Path.of("target", "man", "wa-uploader.1");
    assertThat(page).exists();
    assertThat(Path.of("target", "man", "wa-uploader-report.1")).exists();
    try (InputStream inJar = getClass().getResourceAsStream("/wa-uploader.1")) {
      assertThat(inJar).as("wa-uploader.1 on the class path (the jar's root)").isNotNull();
      assertThat(new String(inJar.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(page));
    }
    String troff = Files.readString(page);
    assertThat(troff).contains(".TH \"WA\\-UPLOADER\" \"1\"").contains("report");

    boolean haveMan = Files.isExecutable(Path.of("/usr/bin/man"));
    if (!haveMan && System.getenv("CI") != null) {
      throw new AssertionError("man is missing on CI: .ci/run installs man-db");
    }
    Assumptions.assumeTrue(haveMan, "man is not installed (apt-get install man-db)");
    ProcessBuilder man = new ProcessBuilder("man", "-l", page.toString()).redirectErrorStream(true);
    man.environment().put("MANWIDTH", "80");
    man.environment().put("MANPAGER", "cat");
    man.environment().put("PAGER", "cat");
    Process p = man.start();
    String rendered = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(rendered).isZero();
    assertThat(rendered).contains("NAME").contains("SYNOPSIS").contains("wa-uploader");
    assertThat(rendered).contains("report").contains("--log-file");
  }
}
