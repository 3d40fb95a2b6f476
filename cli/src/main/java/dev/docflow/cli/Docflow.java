package dev.docflow.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./docflow}: the one door for people ({@code ./docflow bench} is the bench module's own main). */
@Command(name = "docflow",
        mixinStandardHelpOptions = true,
        version = "Docflow 0.1.0",
        description = "Turn piles of documents into a knowledge base that answers with citations.",
        footer = {"", "Benchmarks: ./docflow bench NAME (./docflow bench --help lists them)."},
        subcommands = {DemoCommand.class, UpCommand.class, IngestCommand.class, StatusCommand.class,
            KnowledgeBaseCommand.class, ChatCommand.class, ClusterCommand.class, MigrateCommand.class})
public final class Docflow implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        launch(new Docflow(), args);
    }

    /**
     * Reads the configuration, points the log at the work folder and exits with {@code root}'s exit
     * code: the start every door to Docflow shares ({@code root} is a picocli command whose
     * subcommands may take the {@link DocflowConfig} in their constructor).
     */
    public static void launch(Object root, String[] args) {
        Path home = Path.of(System.getProperty("docflow.home", ".")).toAbsolutePath().normalize();
        DocflowConfig config;
        try {
            config = DocflowConfig.load(home, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("docflow: " + e.getMessage());
            System.exit(2);
            return;
        }
        // before the first logger exists: the log file lives in the work folder
        System.setProperty("docflow.logDir", config.logDir().toString());
        System.exit(commandLine(root, config).execute(args));
    }

    /** Every command, given {@code config}; a command's failure is one line on standard error and exit code 1. */
    static CommandLine commandLine(DocflowConfig config) {
        return commandLine(new Docflow(), config);
    }

    private static CommandLine commandLine(Object root, DocflowConfig config) {
        CommandLine commandLine = new CommandLine(root, new ConfiguredFactory(config));
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("docflow " + cmd.getCommandName() + ": " + describe(error));
            if (!(error instanceof ServiceRefusedException)) { // the service's own words say it all
                cmd.getErr().println("(details in " + config.logDir().resolve("docflow.log") + ")");
                org.slf4j.LoggerFactory.getLogger(Docflow.class).error("command failed", error);
            }
            cmd.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Gives every command the configuration read at start. */
    private record ConfiguredFactory(DocflowConfig config) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                java.lang.reflect.Constructor<K> constructor = type.getDeclaredConstructor(DocflowConfig.class);
                constructor.setAccessible(true); // the bench module's commands are package-private in their own package
                return constructor.newInstance(config);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
