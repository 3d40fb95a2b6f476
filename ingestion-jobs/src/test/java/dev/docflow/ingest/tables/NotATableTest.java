package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocks of the R manuals that alignment takes for tables, and real tables beside them. */
class NotATableTest {
    @Test
    void codeWithAlignedCommentsIsNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("yf <- as.factor(y)", "# 0.21s"),
                List.of("DF <- read.table(\"code.dat\")", "# 4.9s"),
                List.of("DF <- read.table(\"code.dat\", nrows=1e6)", "# 3.6s")))).isTrue();
        assertThat(NotATable.junk(List.of(
                List.of("int callflag;", "/* The context ‘type’ */"),
                List.of("JMP_BUF cjmpbuf;", "/* C stack and register information */")))).isTrue();
    }

    @Test
    void codeBehindContinuationOrFortranCommentMarksIsNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("+", "mean = mean(x),"), List.of("+", "median = median(x),")))).isTrue();
        assertThat(NotATable.junk(List.of(
                List.of("c", "subroutine fcn(m,n,x,fvec,iflag)"), List.of("c", "integer m,n,iflag")))).isTrue();
    }

    @Test
    void definitionLinesAreNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("double gammafn (double x)", "[Function]"),
                List.of("double lgammafn (double x)", "[Function]")))).isTrue();
    }

    @Test
    void aVectorPrintoutIsNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("[1] \"aic\" \"boundary\" \"coefold\"", "\"control\"", "\"conv\""),
                List.of("[6] \"dev\" \"dev.resids\" \"devold\"", "\"EMPTY\"", "\"eta\"")))).isTrue();
    }

    @Test
    void proseCutAtItsWideSpacesIsNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("The installation", "consists", "of", "up to", "four", "Apple", "packages:", "for", "the", "Intel"),
                List.of("org.R-project.R.fw.pkg,", "", "", "org.R-project.R.GUI.pkg,", "", "", "", "", "", "")))).isTrue();
    }

    @Test
    void aLogBehindItsProcessIdIsNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("==12539==", "at 0x1CDF6CBE: csc_compTr (Mutils.c:273)"),
                List.of("==12539==", "by 0x1CE07E1E: tsc_transpose (dtCMatrix.c:25)"),
                List.of("==12539==", "by 0x80A67A7: do_dotcall (dotcode.c:858)")))).isTrue();
        // the same word down the first column is a value (oprofile's image name), not a margin
        assertThat(NotATable.junk(List.of(
                List.of("10397", "28.5123", "R", "R_gc_internal"),
                List.of("5683", "15.5848", "R", "do_sprintf")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("R", "R_gc_internal"), List.of("R", "do_sprintf")))).isFalse();
    }

    @Test
    void rStatementsSetSideBySideAreNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("yb1 <- mean(y1);", "yb2 <- mean(y2)"),
                List.of("s1 <- var(y1);", "s2 <- var(y2)")))).isTrue();
        // R-lang's pairs of calls that are not equivalent: examples of syntax, in a table
        assertThat(NotATable.junk(List.of(
                List.of("x$a<-1", "assign(\"x$a\",1)"),
                List.of("x[[1]]", "get(\"x[[1]]\")"),
                List.of("names(x)<-nm", "assign(\"names(x)\",nm)")))).isFalse();
    }

    @Test
    void proseWithASentenceEndingInOneCellAndTheNextBeginningInTheNextIsNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of("and macOS", "platforms.", "See", "https://clang.llvm.org/docs/UsersManual.html#"),
                List.of("controlling-code-generation,", "", "", "https://clang.llvm.org/docs/AddressSanitizer.")))).isTrue();
        // abbreviations end in a full stop too
        assertThat(NotATable.junk(List.of(
                List.of("Min. 1st Qu.", "Median", "Mean 3rd Qu.", "Max."),
                List.of("1.600 2.163", "4.000", "3.488 4.454", "5.100")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("Serial No.", "Contract No.", "Method of Procurement"),
                List.of("1", "TS-01/2016", "Open tender")))).isFalse();
    }

    @Test
    void linesThatShareNoColumnAreNoTable() {
        // R-intro: a plot's axis labels, and the line of code below it
        assertThat(NotATable.junk(List.of(
                List.of("", "", "3.0", "3.5", "4.0", "4.5", "5.0"),
                List.of("par(pty=\"s\")", "# arrange for a square figure region", "", "", "", "", "")))).isTrue();
        assertThat(NotATable.junk(List.of(
                List.of("Vm", "K"), List.of("212.68370711", "0.06412123")))).isFalse();
    }

    @Test
    void namesSetInColumnsAreNoTable() {
        assertThat(NotATable.junk(List.of(
                List.of(".Primitive", ".Internal"), List.of(".Call.graphics", ".External.graphics"),
                List.of(".subset", ".subset2")))).isTrue();
        assertThat(NotATable.junk(List.of(
                List.of(".C", "R_CMethodDef"), List.of(".Call", "R_CallMethodDef")))).isFalse();
    }

    @Test
    void realTablesOfTheManualsAreTables() {
        assertThat(NotATable.junk(List.of(
                List.of("R storage mode", "C type", "Fortran type"),
                List.of("logical", "int *", "INTEGER"),
                List.of("integer", "int *", "INTEGER")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("\"NULL\"", "NULL"),
                List.of("\"symbol\"", "a variable name"),
                List.of("\"pairlist\"", "a pairlist object (mainly internal)")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("% total", "seconds", "% self", "seconds", "name"),
                List.of("100.0", "25.22", "0.2", "0.04", "\"boot\""),
                List.of("99.8", "25.18", "0.6", "0.16", "\"statistic\"")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("[1,]", "1", "3"), List.of("[2,]", "2", "4")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("Pollutant", "to air", "to water"),
                List.of("Carbon dioxide (CO2)", "100 million", "-"), List.of("Methane (CH4)", "100 000", "-")))).isFalse();
        assertThat(NotATable.junk(List.of(
                List.of("-", "Minus, can be unary or binary"), List.of("+", "Plus, can be unary or binary")))).isFalse();
    }
}
