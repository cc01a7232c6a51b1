-- wrk script for the portal benchmark (bench/Bench.java runs it; see bench/README.md).
--   wrk ... -s bench/wrk/bench.lua -- <mode> <run-id> <accounts>
-- mode: page (GET the URL given to wrk, session cookie as a -H header), transfer (POST a 1-point FortiFlex transfer),
-- order (POST a one-line renewal). accounts: "id:apikey,id:apikey,..." (spends only). Every POST carries a distinct
-- Idempotency-Key (run id, thread, counter), so each one is a new charge. Responses other than 2xx are counted and
-- printed as "BENCH non2xx=<n>" (wrk itself treats 3xx as success, the benchmark does not).

local threads = {}
local next_thread = 0

function setup(thread)
   thread:set("tid", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

local mode, run_id, accounts, keys
local counter = 0
non2xx = 0

function init(args)
   mode = args[1] or "page"
   run_id = args[2] or "run"
   accounts, keys = {}, {}
   for pair in string.gmatch(args[3] or "", "[^,]+") do
      local id, key = string.match(pair, "(%d+):(.+)")
      table.insert(accounts, id)
      table.insert(keys, key)
   end
end

function request()
   if mode == "page" then
      return wrk.format(nil)
   end
   counter = counter + 1
   -- round-robin over the accounts, the two wrk threads interleaved, like the raw transaction's clients
   local n = counter * 2 + tid
   local i = n % #accounts + 1
   local headers = {
      ["Authorization"] = "Bearer " .. keys[i],
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = run_id .. "-" .. tid .. "-" .. counter,
   }
   if mode == "transfer" then
      return wrk.format("POST", "/api/v1/accounts/" .. accounts[i] .. "/flex-transfers", headers, '{"points":1}')
   end
   -- order: renew the next of the account's units (20 each) for 12 months
   local unit = math.floor(n / #accounts) % 20
   local serial = string.format("FGT60FBN%03d%04d", i, unit)
   local body = string.format('{"accountId":%s,"type":"RENEW","lines":[{"serialNumber":"%s","service":"FC247","termMonths":12}]}',
      accounts[i], serial)
   return wrk.format("POST", "/api/v1/orders", headers, body)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if non2xx <= 3 then
         io.stderr:write("BENCH status " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
      end
   end
end

function done(summary, latency, requests)
   local n = 0
   for _, t in ipairs(threads) do
      n = n + (t:get("non2xx") or 0)
   end
   io.write(string.format("BENCH requests=%d non2xx=%d errors=%d p50=%d p99=%d\n", summary.requests, n,
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
      latency:percentile(50), latency:percentile(99)))
end
