package dev.docflow.ingest.model;

/**
 * A page (or image) whose text came from OCR rather than a text layer.
 *
 * @param page 1-based page of the part, 0 for a single image
 * @param confidence Tesseract's mean word confidence, 0–100
 * @param millis how long OCR took on it, for the OCR metrics (measured where OCR ran, which may be a
 *     parse worker process)
 */
public record OcrPage(int part, int page, float confidence, long millis) {}
