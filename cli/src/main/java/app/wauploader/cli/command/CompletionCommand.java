package app.wauploader.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code completion bash}: the shell completion script, generated from the command model. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description =
        "Print the completion script for SHELL (bash; zsh reads it after 'autoload -U"
            + " bashcompinit && bashcompinit'). In Termux: wa-uploader completion bash >"
            + " $PREFIX/etc/bash_completion.d/wa-uploader")
public final class CompletionCommand implements Callable<Integer> {
  /** Shells with a script. */
  enum Shell {
    bash
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash", defaultValue = "bash")
  Shell shell;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
