// A C face for CLD2 (Compact Language Detector 2), so Swift can call it without C++ interop.
// Only Pipeline's LanguageDetector uses this; no CLD2 type escapes it.
#ifndef CCLD2_H
#define CCLD2_H

#ifdef __cplusplus
extern "C" {
#endif

/// CLD2's top three languages for a piece of text.
typedef struct {
    /// ISO 639-1 codes as CLD2 spells them ("ru", "pl", "no", "un" for unknown), NUL-terminated.
    char code[3][16];
    /// Share of the text's letters in each language, 0...100.
    int percent[3];
    /// Letters CLD2 actually scored.
    int text_bytes;
    /// Non-zero when the top language clearly beats the second.
    int reliable;
} ccld2_result;

/// Detects the language of `length` bytes of valid UTF-8 plain text. Thread-safe.
void ccld2_detect(const char *utf8, int length, ccld2_result *result);

#ifdef __cplusplus
}
#endif

#endif
