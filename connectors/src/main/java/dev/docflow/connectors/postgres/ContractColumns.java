package dev.docflow.connectors.postgres;

import dev.docflow.connectors.contract.DocumentStatus;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.connectors.contract.Stage;
import java.sql.Types;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;

/**
 * The contract's types as the columns hold them: by their codes ({@code indexed}, {@code corrupt},
 * {@code parse}), not by Jdbi's default for enums, the constant's name ({@code INDEXED}).
 */
final class ContractColumns {
    private ContractColumns() {}

    static Jdbi register(Jdbi jdbi) {
        column(jdbi, DocumentStatus.class, DocumentStatus::code, DocumentStatus::of);
        column(jdbi, FailureReason.class, FailureReason::code, FailureReason::of);
        column(jdbi, Stage.class, Stage::code, Stage::of);
        return jdbi;
    }

    private static <T> void column(Jdbi jdbi, Class<T> type, Function<T, String> code, Function<String, T> parse) {
        jdbi.registerArgument((ArgumentFactory) (declared, value, config) -> {
            if (declared != type) {
                return Optional.empty();
            }
            return Optional.of(value == null ? new NullArgument(Types.VARCHAR)
                    : (Argument) (position, statement, context) -> statement.setString(position, code.apply(type.cast(value))));
        });
        jdbi.registerColumnMapper(type, (results, column, context) -> {
            String value = results.getString(column);
            return value == null ? null : parse.apply(value);
        });
    }
}
