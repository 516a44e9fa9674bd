#pragma once
// Whether this test program was built with AddressSanitizer (the sanitizer
// tree of `make test`). There a parse or a check runs about ten times
// slower, so the longest randomized walks over the repository's texts take
// a sample of them; the Release tree walks them all (docs/testing.md).
namespace jaws::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderSanitizers = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kUnderSanitizers = true;
#else
inline constexpr bool kUnderSanitizers = false;
#endif
#else
inline constexpr bool kUnderSanitizers = false;
#endif

}  // namespace jaws::test
