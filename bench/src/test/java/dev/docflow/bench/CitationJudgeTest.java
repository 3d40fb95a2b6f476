package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.retrieval.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationJudgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EvalQuestion paged = new EvalQuestion("q1", "manuals/r", "Where?", "R-data.pdf", 19,
            List.of("read.xport"), List.of("XPORT"));
    private final EvalQuestion unpaged = new EvalQuestion("q2", "docs", "Port?", "health.md", 0,
            List.of("8085"), List.of("8085"));

    @Test
    void aReplyWithoutCitationsIsARefusal() throws Exception {
        assertThat(CitationJudge.isRefusal(reply("""
                {"answer":"I could not find an answer to that in the knowledge base kb.","citations":[]}"""))).isTrue();
        assertThat(CitationJudge.isRefusal(reply("""
                {"answer":"It is 8085 [1].","citations":[{"n":1,"fileName":"health.md","snippet":"port 8085"}]}"""))).isFalse();
    }

    @Test
    void theFirstCitationNamingSourcePageAndPassageCounts() throws Exception {
        JsonNode reply = reply("""
                {"answer":"It is read.xport [2]. See also [1].","citations":[
                  {"n":1,"fileName":"R-data.pdf","page":18,"pageEnd":18,"snippet":"read.xport is near"},
                  {"n":2,"fileName":"R-data.pdf","page":18,"pageEnd":19,"snippet":"Function read.xport reads XPORT"}]}""");

        assertThat(CitationJudge.firstCorrect(paged, reply, 5)).isEqualTo(2);
        assertThat(CitationJudge.firstCorrect(paged, reply, 1)).isZero();
        assertThat(CitationJudge.answerIsCorrect(paged, reply)).isTrue();
    }

    @Test
    void wrongFileOrMissingPassageIsNotRetrieved() throws Exception {
        JsonNode reply = reply("""
                {"answer":"x [1]","citations":[
                  {"n":1,"fileName":"other.md","snippet":"8085"},
                  {"n":2,"fileName":"health.md","snippet":"no port here"}]}""");

        assertThat(CitationJudge.firstCorrect(unpaged, reply, 5)).isZero();
    }

    @Test
    void anAnswerCitingANumberItDoesNotReturnIsWrong() throws Exception {
        JsonNode reply = reply("""
                {"answer":"The port is 8085 [3].","citations":[{"n":1,"fileName":"health.md","snippet":"port: 8085"}]}""");

        assertThat(CitationJudge.firstCorrect(unpaged, reply, 5)).isEqualTo(1);
        assertThat(CitationJudge.answerIsCorrect(unpaged, reply)).isFalse();
    }

    @Test
    void anAnswerWithoutTheExpectedTextOrWithoutCitationsIsWrong() throws Exception {
        assertThat(CitationJudge.answerIsCorrect(unpaged, reply("""
                {"answer":"It listens somewhere [1].","citations":[{"n":1,"fileName":"health.md","snippet":"8085"}]}""")))
                .isFalse();
        assertThat(CitationJudge.answerIsCorrect(unpaged, reply("""
                {"answer":"8085","citations":[]}"""))).isFalse();
    }

    @Test
    void theFirstRankedChunkOnTheSourcePageHoldingThePassageCounts() {
        List<RetrievedChunk> ranked = List.of(
                chunk("R-data.pdf", 19, 19, "read.xport is described elsewhere"),
                chunk("R-data.pdf", 17, 18, "Function read.xport reads XPORT"),
                chunk("R-intro.pdf", 19, 19, "Function read.xport reads XPORT"),
                chunk("R-data.pdf", 18, 20, "Function read.xport reads XPORT"));

        assertThat(CitationJudge.firstCorrectPassage(paged, ranked, 50)).isEqualTo(1);
        assertThat(CitationJudge.firstCorrectPassage(paged, ranked.subList(1, 4), 50)).isEqualTo(3);
        assertThat(CitationJudge.firstCorrectPassage(paged, ranked.subList(1, 4), 2)).isZero();
        assertThat(CitationJudge.firstCorrectPassage(unpaged, List.of(chunk("health.md", 0, 0, "port 8085")), 50))
                .isEqualTo(1);
        assertThat(CitationJudge.firstCorrectPassage(unpaged, List.of(), 50)).isZero();
    }

    private static RetrievedChunk chunk(String fileName, int pageStart, int pageEnd, String text) {
        return new RetrievedChunk(fileName + ":" + pageStart, "doc", fileName, "", 0, pageStart, pageEnd, 0, text.length(),
                "", text, "", 0.5);
    }

    private static JsonNode reply(String json) throws Exception {
        return JSON.readTree(json);
    }
}
