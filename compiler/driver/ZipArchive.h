#pragma once
// A code package's zip, written in memory with zlib's minizip (Debian's
// static archives, linked in: no library is loaded at run time). The bytes
// depend on the entries alone: they are written in the order given, dated
// 1980-01-01 00:00, with their Unix modes, "made by" Unix, each deflated at
// level 9 by zlib here (minizip's own deflate would mark text entries as
// such, from zlib's guess) and with no extra fields. These are the bytes
// libzip wrote for the same entries until session 18, so the packages, and
// the S3 keys named by their hashes, did not change (docs/decisions.md).
#include <string>
#include <vector>

#include "driver/PackageContents.h"

namespace jaws {

// The zip of `files`, in their order; false with the reason in `whyNot`
// when zlib or minizip fails (out of memory, a file of 4 GiB or more).
bool writeZip(const std::vector<PackagedFile>& files, std::string& zip, std::string& whyNot);

}  // namespace jaws
