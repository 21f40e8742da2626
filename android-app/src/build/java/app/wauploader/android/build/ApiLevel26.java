package app.wauploader.android.build;

import com.android.tools.r8.BackportedMethodList;
import com.android.tools.r8.BackportedMethodListCommand;
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.Diagnostic;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.R8;
import com.android.tools.r8.R8Command;
import com.android.tools.r8.origin.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.codehaus.mojo.animal_sniffer.Clazz;
import org.codehaus.mojo.animal_sniffer.SignatureChecker;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The Android API-26 check of what an APK reaches (see {@code ApiLevel26Test}).
 *
 * <ol>
 *   <li>A stand-in {@code android.jar} for API 26 is made from the animal-sniffer signature {@code
 *       android-api-level-26} (every class and member of Android 8.0's public API; the signature
 *       records no access flags, so whether a type is an interface and a member static is read from
 *       the same class of the running JDK or of android-all).
 *   <li>R8 traces the program from the keep rules against that library and writes the traced code
 *       as class files; a class the trace needs and API 26 lacks is a missing-class error.
 *   <li>Every method call and field access of the traced library code whose owner is a platform
 *       class is looked up in the signature (the class or its supertypes); what is absent and not
 *       backported by D8 for min API 26 ({@link BackportedMethodList}) is a finding. Animal
 *       sniffer's own checker takes only whole classes as exceptions, so the lookup is done here
 *       over its parsed signature. {@code invokedynamic} is left out: D8 desugars lambdas, string
 *       concatenation and records.
 * </ol>
 */
public final class ApiLevel26 {
  private static final int MIN_API = 26;

  private final Path signature;
  private final Path programClasses;
  private final List<Path> jars;
  private final Path rules;
  private final String skippedPrefix;

  /**
   * @param skippedPrefix internal-name prefix of program classes whose own calls are not checked
   *     (the app's, which guard newer APIs with {@code Build.VERSION.SDK_INT})
   */
  public ApiLevel26(
      Path signature, Path programClasses, List<Path> jars, Path rules, String skippedPrefix) {
    this.signature = signature;
    this.programClasses = programClasses;
    this.jars = jars;
    this.rules = rules;
    this.skippedPrefix = skippedPrefix;
  }

  /** A reference API 26 lacks: {@code owner.name(desc)} from {@code from}. */
  public record Finding(String reference, String from) {}

  /**
   * @param missingClasses R8's missing-class diagnostics
   * @param missingMembers calls and field accesses API 26 lacks
   * @param tracedClasses internal names of every class the trace kept
   * @param checkedReferences platform references looked up
   */
  public record Result(
      List<String> missingClasses,
      List<Finding> missingMembers,
      Set<String> tracedClasses,
      int checkedReferences) {}

  public Result run(Path work, List<String> keepRules) throws Exception {
    Map<String, Clazz> api;
    try (InputStream in = Files.newInputStream(signature)) {
      api = SignatureChecker.loadClasses(in);
    }
    long t0 = System.nanoTime();
    Path standIn = work.resolve("android-api-26.jar");
    writeStandIn(api, standIn);
    long t1 = System.nanoTime();
    Path traced = work.resolve("traced.jar");
    List<String> missingClasses = new ArrayList<>();
    DiagnosticsHandler collect =
        new DiagnosticsHandler() {
          @Override
          public void error(Diagnostic d) {
            missingClasses.add(d.getDiagnosticMessage());
          }

          @Override
          public void warning(Diagnostic d) {}

          @Override
          public void info(Diagnostic d) {}
        };
    try {
      R8.run(
          R8Command.builder(collect)
              .addProgramFiles(classFiles(programClasses))
              .addProgramFiles(expand(jars))
              .addLibraryFiles(standIn)
              .addProguardConfigurationFiles(rules)
              .addProguardConfiguration(keepRules, Origin.unknown())
              .addProguardConfiguration(
                  List.of(
                      "-dontoptimize",
                      // Desugared by D8 when the APK is dexed (class-file output is not).
                      "-dontwarn java.lang.Record",
                      "-dontwarn java.lang.runtime.ObjectMethods",
                      "-dontwarn java.lang.invoke.LambdaMetafactory",
                      "-dontwarn java.lang.invoke.StringConcatFactory",
                      "-dontwarn java.lang.invoke.TypeDescriptor**"),
                  Origin.unknown())
              .setMode(CompilationMode.RELEASE)
              .setDisableDesugaring(true)
              .setOutput(traced, OutputMode.ClassFile)
              .build());
    } catch (CompilationFailedException e) {
      if (missingClasses.isEmpty()) {
        throw e;
      }
      return new Result(missingClasses, List.of(), Set.of(), 0);
    }
    long t2 = System.nanoTime();
    Result result = check(api, traced, backported());
    System.out.printf(
        "API-26 check: stand-in %.1f s, R8 trace %.1f s, lookups %.1f s%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
    return result;
  }

  /** Jars as they are; a reactor module's classes folder (before 'package') as its class files. */
  private static List<Path> expand(List<Path> entries) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : entries) {
      if (Files.isDirectory(p)) {
        files.addAll(classFiles(p));
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** The class files of a folder (or the one class file given). */
  static List<Path> classFiles(Path dirOrFile) throws IOException {
    try (var walk = Files.walk(dirOrFile)) {
      return walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
  }

  private Result check(Map<String, Clazz> platform, Path traced, Set<String> backported)
      throws IOException {
    Set<String> program = new TreeSet<>();
    List<byte[]> classes = new ArrayList<>();
    try (ZipFile zip = new ZipFile(traced.toFile())) {
      for (var e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.getName().endsWith(".class")) {
          program.add(entry.getName().substring(0, entry.getName().length() - 6));
          try (InputStream in = zip.getInputStream(entry)) {
            classes.add(in.readAllBytes());
          }
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    int[] checked = {0};
    for (byte[] bytes : classes) {
      ClassReader reader = new ClassReader(bytes);
      String from = reader.getClassName();
      // sqlite-jdbc's GraalVM native-image feature: only native-image's builder loads it.
      if (from.startsWith(skippedPrefix) || from.startsWith("org/sqlite/nativeimage/")) {
        continue;
      }
      reader.accept(
          new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(
                int access, String name, String desc, String sig, String[] exceptions) {
              return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                  look(owner, n + d);
                }

                @Override
                public void visitFieldInsn(int op, String owner, String n, String d) {
                  look(owner, n + "#" + d);
                }

                private void look(String owner, String member) {
                  // Only platform classes: a class API 26 lacks altogether is R8's missing-class
                  // error above (or deliberately -dontwarn'ed in the rules).
                  if (!platform.containsKey(owner) || program.contains(owner)) {
                    return;
                  }
                  checked[0]++;
                  if (!has(platform, owner, member, new HashSet<>())
                      && !backported.contains(owner + "#" + member)) {
                    findings.add(new Finding(owner + "." + member, from));
                  }
                }
              };
            }
          },
          ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }
    return new Result(List.of(), findings, program, checked[0]);
  }

  /** True if {@code owner} or a supertype declares {@code member} in the signature. */
  private static boolean has(
      Map<String, Clazz> api, String owner, String member, Set<String> seen) {
    Clazz c = api.get(owner);
    if (c == null || !seen.add(owner)) {
      return false;
    }
    if (c.getSignatures().contains(member)) {
      return true;
    }
    if (c.getSuperClass() != null && has(api, c.getSuperClass(), member, seen)) {
      return true;
    }
    for (String i : c.getSuperInterfaces()) {
      if (has(api, i, member, seen)) {
        return true;
      }
    }
    // Interfaces inherit Object's methods.
    return !owner.equals("java/lang/Object") && has(api, "java/lang/Object", member, seen);
  }

  /** {@code owner#name(desc)} of every method D8 backports for min API 26. */
  private static Set<String> backported() throws CompilationFailedException {
    Set<String> methods = new HashSet<>();
    BackportedMethodList.run(
        BackportedMethodListCommand.builder()
            .setMinApiLevel(MIN_API)
            .setConsumer(
                new com.android.tools.r8.StringConsumer() {
                  @Override
                  public void accept(String line, DiagnosticsHandler handler) {
                    for (String l : line.split("\n")) {
                      if (!l.isBlank()) {
                        methods.add(l.trim());
                      }
                    }
                  }

                  @Override
                  public void finished(DiagnosticsHandler handler) {}
                })
            .build());
    return methods;
  }

  /**
   * Writes a class per signature entry, members as declared there; interface and static flags come
   * from the same class on this JVM's class path (JDK or android-all), public otherwise.
   */
  private static void writeStandIn(Map<String, Clazz> api, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Clazz c : api.values()) {
        Map<String, Integer> real = new HashMap<>();
        int access = flagsOf(c.getName(), real);
        boolean itf = (access & Opcodes.ACC_INTERFACE) != 0;
        ClassWriter w = new ClassWriter(0);
        w.visit(
            Opcodes.V1_8,
            Opcodes.ACC_PUBLIC | (itf ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0),
            c.getName(),
            null,
            c.getSuperClass() == null && !c.getName().equals("java/lang/Object")
                ? "java/lang/Object"
                : c.getSuperClass(),
            c.getSuperInterfaces());
        for (String member : c.getSignatures()) {
          int hash = member.indexOf('#');
          if (hash >= 0) {
            String name = member.substring(0, hash);
            int flags = real.getOrDefault(name + "#", Opcodes.ACC_PUBLIC);
            FieldVisitor f =
                w.visitField(
                    Opcodes.ACC_PUBLIC | (flags & Opcodes.ACC_STATIC),
                    name,
                    member.substring(hash + 1),
                    null,
                    null);
            f.visitEnd();
          } else {
            int paren = member.indexOf('(');
            String name = member.substring(0, paren);
            String desc = member.substring(paren);
            int flags = real.getOrDefault(member, Opcodes.ACC_PUBLIC);
            boolean isStatic = (flags & Opcodes.ACC_STATIC) != 0;
            int body =
                name.equals("<clinit>")
                    ? Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE
                    : itf && !isStatic ? Opcodes.ACC_ABSTRACT : Opcodes.ACC_NATIVE;
            w.visitMethod(
                    Opcodes.ACC_PUBLIC | (isStatic ? Opcodes.ACC_STATIC : 0) | body,
                    name,
                    desc,
                    null,
                    null)
                .visitEnd();
          }
        }
        w.visitEnd();
        out.putNextEntry(new JarEntry(c.getName() + ".class"));
        out.write(w.toByteArray());
        out.closeEntry();
      }
    }
  }

  /**
   * The class's access flags on this JVM, and its members' in {@code members} (public if absent).
   */
  private static int flagsOf(String name, Map<String, Integer> members) throws IOException {
    URL url = ApiLevel26.class.getClassLoader().getResource(name + ".class");
    if (url == null) {
      return Opcodes.ACC_PUBLIC;
    }
    try (InputStream in = url.openStream()) {
      ClassReader reader = new ClassReader(in);
      reader.accept(
          new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int a, String n, String d, String s, Object v) {
              members.put(n + "#", a);
              return null;
            }

            @Override
            public MethodVisitor visitMethod(int a, String n, String d, String s, String[] e) {
              members.put(n + d, a);
              return null;
            }
          },
          ClassReader.SKIP_CODE);
      return reader.getAccess();
    }
  }
}
