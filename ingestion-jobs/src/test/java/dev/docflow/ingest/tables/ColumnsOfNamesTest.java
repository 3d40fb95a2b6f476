package dev.docflow.ingest.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.tables.ColumnsOfNames.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lists of names set in columns on the R manuals, and the tables of names beside them there. */
class ColumnsOfNamesTest {
    @Test
    void functionNamesSetInColumnsAreALayoutOfWords() {
        // R-ints, the primitive replacement functions: each beside its replacement form
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("length", "length<-"), List.of("class", "class<-"), List.of("oldClass", "oldClass<-"),
                List.of("attr", "attr<-"), List.of("dimnames", "dimnames<-")))).isTrue();
        // R-exts, the configure scripts a package may call
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("curl-config", "freetype-config", "gdal-config", "geos-config"),
                List.of("gsl-config", "iodbc-config", "libpng-config", "nc-config")))).isTrue();
        // R-intro, generic functions, two columns run together by stream mode in the last one
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("add1", "deviance", "formula", "predict step"),
                List.of("alias", "drop1", "kappa", "print summary")))).isTrue();
    }

    @Test
    void operatorsSetInColumnsAreALayoutOfWords() {
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("+", "-", "*", "/", "^", "%%", "%*%", "%/%"),
                List.of("<", "<=", "==", "!=", ">=", ">", "", ""),
                List.of("|", "||", "&", "&&", "!", "", "", "")))).isTrue();
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("[", "[[<-", "any", "as.matrix"), List.of("[<-", "mean", "plot", "summary")))).isTrue();
    }

    @Test
    void aTableOfNamesHasColumnsOfDifferentKinds() {
        // R-exts: the interfaces and their registration types; R's types and their SEXP types
        assertThat(ColumnsOfNames.matches(List.of(
                List.of(".C", "R_CMethodDef"), List.of(".Call", "R_CallMethodDef"),
                List.of(".Fortran", "R_FortranMethodDef"), List.of(".External", "R_ExternalMethodDef")))).isFalse();
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("numeric", "REALSXP"), List.of("integer", "INTSXP"), List.of("logical", "LGLSXP")))).isFalse();
        // R-lang: operators and the words for what they do
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("+ - * / %% ^", "arithmetic"), List.of("> >= < <= == !=", "relational"),
                List.of("! & |", "logical"), List.of("~", "model formulae")))).isFalse();
    }

    @Test
    void aTableOfNamesRepeatsItsValues() {
        // R-lang: typeof, mode and storage.mode of the atomic types, all names of one kind
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("typeof", "mode", "storage.mode"), List.of("logical", "logical", "logical"),
                List.of("integer", "numeric", "integer"), List.of("double", "numeric", "double")))).isFalse();
    }

    @Test
    void numbersQuotesAndWordsOfALanguageAreNoNames() {
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("0", "NILSXP", "NULL"), List.of("1", "SYMSXP", "symbols")))).isFalse();
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("\"NULL\"", "NULL"), List.of("\"symbol\"", "a variable name")))).isFalse();
        assertThat(ColumnsOfNames.matches(List.of(
                List.of("Country", "Capital"), List.of("France", "Paris"), List.of("Spain", "Madrid")))).isFalse();
    }

    @Test
    void kindsOfNames() {
        assertThat(ColumnsOfNames.kind("[[<-")).contains(Kind.OPERATOR);
        assertThat(ColumnsOfNames.kind(".External.graphics")).contains(Kind.DOTTED);
        assertThat(ColumnsOfNames.kind("SINGLESXP")).contains(Kind.UPPER_CASE);
        assertThat(ColumnsOfNames.kind("oldClass<-")).contains(Kind.NAME);
        assertThat(ColumnsOfNames.kind("UseMethod")).contains(Kind.NAME);
        assertThat(ColumnsOfNames.kind("log1p")).contains(Kind.NAME);
        assertThat(ColumnsOfNames.kind("Median")).isEmpty();
        assertThat(ColumnsOfNames.kind("2.5")).isEmpty();
        assertThat(ColumnsOfNames.kind("-8")).isEmpty();
        assertThat(ColumnsOfNames.kind("mean(x)")).isEmpty();
    }
}
