// ImGui configuration for native test builds: a failed ImGui assertion fails the test.
#pragma once

void motcuaImGuiAssertFailed(const char* expr, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : motcuaImGuiAssertFailed(#_EXPR, __FILE__, __LINE__))
