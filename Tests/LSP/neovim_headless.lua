-- Drives `glossary lsp` from Neovim's built-in client, headless (Neovim 0.7 or later):
--   GLOSSARY_BINARY=… nvim --headless --clean -u NONE -c 'luafile Tests/LSP/neovim_headless.lua' FILE
-- FILE is a Markdown draft in a folder with a glossary/ folder, with one deprecated term on its
-- second line after an emoji: "Banyak 😀 TKI …". The script waits for the diagnostic and checks
-- where Neovim puts it, types a second deprecated term at the start of the file, waits for the
-- two diagnostics that follow, asks for the concept card of a term, applies the code action that
-- replaces it, stops the server and exits 0; on a failure it says why, exits 1.

local function fail(message)
  io.stderr:write("neovim: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local binary = os.getenv("GLOSSARY_BINARY")
if not binary then fail("set GLOSSARY_BINARY") end
local buffer = vim.api.nvim_get_current_buf()
local root = vim.fn.expand("%:p:h")

-- vim.lsp.start (0.8+) attaches the current buffer; 0.7 starts and attaches in two steps.
local config = { name = "glossary", cmd = { binary, "lsp" }, root_dir = root }
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config)
else
  client_id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buffer, client_id)
end
if not client_id then fail("the client did not start") end

local function wait_for(count)
  local ok = vim.wait(30000, function() return #vim.diagnostic.get(buffer) == count end, 20)
  if not ok then fail(("expected %d diagnostics, got %d"):format(count, #vim.diagnostic.get(buffer))) end
  local found = vim.diagnostic.get(buffer)
  table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return found
end

-- Neovim turns the server's positions into byte columns: "Banyak " is 7 bytes, the emoji 4, a space.
local first = wait_for(1)[1]
if first.lnum ~= 1 or first.col ~= 12 or first.end_col ~= 15 then
  fail(("the diagnostic is at %d:%d-%d, not 1:12-15"):format(first.lnum, first.col, first.end_col))
end
if first.source ~= "glossary" or first.code ~= "deprecated-term" then
  fail("unexpected source or code: " .. vim.inspect(first))
end
io.stdout:write(("neovim %s: %s at %d:%d-%d: %s\n"):format(
  tostring(vim.version().major) .. "." .. tostring(vim.version().minor),
  first.code, first.lnum, first.col, first.end_col, first.message:match("[^\n]*")))

-- Typing sends an incremental change; the diagnostics follow it.
vim.api.nvim_buf_set_text(buffer, 0, 0, 0, 0, { "TKI " })
local both = wait_for(2)
if both[1].lnum ~= 0 or both[1].col ~= 0 or both[2].lnum ~= 1 or both[2].col ~= 12 then
  fail("after the edit the diagnostics are at " .. vim.inspect(both))
end
io.stdout:write("neovim: after typing, diagnostics at 0:0 and 1:12\n")

-- Hover on the second line's term shows its concept card. Neovim 0.7 offers no position
-- encodings, so the server counts UTF-16: the emoji is two units, "TKI" starts at 10.
local uri = vim.uri_from_bufnr(buffer)
local at_term = { line = 1, character = 11 }
local hovered = vim.lsp.buf_request_sync(buffer, "textDocument/hover",
  { textDocument = { uri = uri }, position = at_term }, 10000)
local card = hovered and hovered[client_id] and hovered[client_id].result
if not card or not card.contents.value:find("**migrant-worker**", 1, true) then
  fail("no concept card on hover: " .. vim.inspect(hovered))
end

-- The code action `--fix` would take, applied by Neovim itself: the term is replaced, keeping
-- the emoji before it, and its diagnostic goes.
local answers = vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", {
  textDocument = { uri = uri }, range = { start = at_term, ["end"] = at_term }, context = { diagnostics = {} },
}, 10000)
local chosen
for _, action in ipairs((answers and answers[client_id] and answers[client_id].result) or {}) do
  if action.isPreferred then chosen = action end
end
if not chosen then fail("no preferred code action: " .. vim.inspect(answers)) end
vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
local line = vim.api.nvim_buf_get_lines(buffer, 1, 2, false)[1]
if not line:find("^Banyak 😀 pekerja migran berangkat") then fail("after the code action the line is: " .. line) end
local left = wait_for(1)
if left[1].lnum ~= 0 then fail("after the code action the diagnostics are at " .. vim.inspect(left)) end
io.stdout:write("neovim: hover card shown; code action applied: " .. line .. "\n")

vim.lsp.stop_client(client_id)
vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
vim.cmd("qall!")
