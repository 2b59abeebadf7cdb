// The C boundary to system ICU, and nothing else.
//
// Why wrappers: ICU renames every C symbol with its major version (unorm2_normalize becomes
// unorm2_normalize_72) through macros in urename.h that Swift cannot see, and Debian's libraries
// export only the renamed symbols. A `static inline` wrapper is compiled as C, where the macro
// still expands, so Swift calls `cicu_unorm2_normalize` whatever ICU version is installed.
// One wrapper per ICU function Canon uses; each line says why Canon needs it.
#ifndef CANON_CICU_SHIM_H
#define CANON_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ubrk.h>
#include <unicode/uspoof.h>
#include <unicode/uenum.h>

// --- errors and versions: readable status names, `canon --version`
static inline const char *cicu_u_errorName(UErrorCode code) { return u_errorName(code); }
static inline void cicu_u_getVersion(UVersionInfo info) { u_getVersion(info); }
static inline void cicu_u_getUnicodeVersion(UVersionInfo info) { u_getUnicodeVersion(info); }

// --- UTF-8 <-> UTF-16 at the boundary: ICU's converters are ~3x faster than Array(s.utf16)
static inline UChar *cicu_u_strFromUTF8(UChar *dest, int32_t cap, int32_t *destLen, const char *src, int32_t len, UErrorCode *s) {
    return u_strFromUTF8(dest, cap, destLen, src, len, s);
}
static inline char *cicu_u_strToUTF8(char *dest, int32_t cap, int32_t *destLen, const UChar *src, int32_t len, UErrorCode *s) {
    return u_strToUTF8(dest, cap, destLen, src, len, s);
}

// --- normalization (NFC, NFD, NFKC, NFKC_Casefold) with the quick-check fast path
static inline const UNormalizer2 *cicu_unorm2_getNFCInstance(UErrorCode *s) { return unorm2_getNFCInstance(s); }
static inline const UNormalizer2 *cicu_unorm2_getNFDInstance(UErrorCode *s) { return unorm2_getNFDInstance(s); }
static inline const UNormalizer2 *cicu_unorm2_getNFKCInstance(UErrorCode *s) { return unorm2_getNFKCInstance(s); }
static inline const UNormalizer2 *cicu_unorm2_getNFKCCasefoldInstance(UErrorCode *s) { return unorm2_getNFKCCasefoldInstance(s); }
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *n, const UChar *src, int32_t len,
                                            UChar *dest, int32_t cap, UErrorCode *s) {
    return unorm2_normalize(n, src, len, dest, cap, s);
}
static inline int32_t cicu_unorm2_spanQuickCheckYes(const UNormalizer2 *n, const UChar *src, int32_t len, UErrorCode *s) {
    return unorm2_spanQuickCheckYes(n, src, len, s);
}

// --- case folding and character properties: folding keys, scripts
static inline int32_t cicu_u_strFoldCase(UChar *dest, int32_t cap, const UChar *src, int32_t len, UErrorCode *s) {
    return u_strFoldCase(dest, cap, src, len, U_FOLD_CASE_DEFAULT, s);
}
static inline int8_t cicu_u_charType(UChar32 c) { return u_charType(c); }
static inline int32_t cicu_u_getWordBreak(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_WORD_BREAK); }
static inline int32_t cicu_uscript_getScript(UChar32 c, UErrorCode *s) { return (int32_t)uscript_getScript(c, s); }
static inline const char *cicu_uscript_getShortName(int32_t code) { return uscript_getShortName((UScriptCode)code); }
static inline const char *cicu_uscript_getName(int32_t code) { return uscript_getName((UScriptCode)code); }

// --- transliteration: built-in IDs, our rule files, registration, per-worker clones.
// UTransliterator* is void** in C; passing it as void* lets Swift hold it as OpaquePointer.
static inline void *cicu_utrans_openU(const UChar *id, int32_t idLen, UTransDirection dir,
                                      const UChar *rules, int32_t rulesLen,
                                      UParseError *pe, UErrorCode *s) {
    return (void *)utrans_openU(id, idLen, dir, rules, rulesLen, pe, s);
}
static inline void *cicu_utrans_clone(const void *t, UErrorCode *s) {
    return (void *)utrans_clone((const UTransliterator *)t, s);
}
static inline void cicu_utrans_close(void *t) { utrans_close((UTransliterator *)t); }
static inline void cicu_utrans_register(void *adopted, UErrorCode *s) { utrans_register((UTransliterator *)adopted, s); }
static inline void cicu_utrans_unregisterID(const UChar *id, int32_t len) { utrans_unregisterID(id, len); }
static inline void cicu_utrans_transUChars(const void *t, UChar *text, int32_t *textLen, int32_t cap,
                                           int32_t start, int32_t *limit, UErrorCode *s) {
    utrans_transUChars((const UTransliterator *)t, text, textLen, cap, start, limit, s);
}
static inline const UChar *cicu_utrans_getUnicodeID(const void *t, int32_t *len) {
    return utrans_getUnicodeID((const UTransliterator *)t, len);
}
static inline UEnumeration *cicu_utrans_openIDs(UErrorCode *s) { return utrans_openIDs(s); }
static inline const UChar *cicu_uenum_unext(UEnumeration *e, int32_t *len, UErrorCode *s) { return uenum_unext(e, len, s); }
static inline void cicu_uenum_close(UEnumeration *e) { uenum_close(e); }

// --- word breaking: tokens with rule status; one clone per worker (iterators are mutable)
static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType type, const char *locale,
                                             const UChar *text, int32_t len, UErrorCode *s) {
    return ubrk_open(type, locale, text, len, s);
}
static inline UBreakIterator *cicu_ubrk_clone(const UBreakIterator *b, UErrorCode *s) { return ubrk_clone(b, s); }
static inline void cicu_ubrk_close(UBreakIterator *b) { ubrk_close(b); }
static inline void cicu_ubrk_setText(UBreakIterator *b, const UChar *text, int32_t len, UErrorCode *s) {
    ubrk_setText(b, text, len, s);
}
static inline int32_t cicu_ubrk_first(UBreakIterator *b) { return ubrk_first(b); }
static inline int32_t cicu_ubrk_next(UBreakIterator *b) { return ubrk_next(b); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *b) { return ubrk_getRuleStatus(b); }

// --- confusables: skeletons for look-alike letters across scripts
static inline USpoofChecker *cicu_uspoof_open(UErrorCode *s) { return uspoof_open(s); }
static inline void cicu_uspoof_close(USpoofChecker *sc) { uspoof_close(sc); }
static inline int32_t cicu_uspoof_getSkeleton(const USpoofChecker *sc, const UChar *id, int32_t len,
                                              UChar *dest, int32_t cap, UErrorCode *s) {
    return uspoof_getSkeleton(sc, 0, id, len, dest, cap, s);
}

#endif
