// Passing a JS string into the C++ app: copied as NUL-terminated UTF-8 into the module's heap
// for the one call, then freed. Shared by the shell (text input, keys) and the scanner (results).
export function withString(m, text, fn) {
  const size = m.lengthBytesUTF8(text) + 1;
  const ptr = m._malloc(size);
  m.stringToUTF8(text, ptr, size);
  try {
    fn(ptr);
  } finally {
    m._free(ptr);
  }
}
