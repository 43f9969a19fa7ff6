package redislimit

import "github.com/redis/go-redis/v9"

// admitScript is the whole shared limiter: one call per admission, atomic
// in Redis. Times are Redis's own clock (TIME), in milliseconds, so that
// the clocks of the replicas never have to agree.
//
// KEYS[1] is the window: a sorted set of the requests of the last window,
// scored by when each started, or finished once its caller said so (a
// request leaves the window a window's length after its response arrived,
// as with intercom.Throttle). KEYS[2] is the hold: the time before which
// no request starts, set after a 429 or an exhausted window.
//
// ARGV[1] is the limit per window, ARGV[2] the window in ms, ARGV[3] a hold
// to set, in ms from now (0 for none), ARGV[4] the member to admit ("" to
// admit nothing), ARGV[5...] members whose requests have finished.
//
// It returns {1, 0} when the member was admitted (or none was asked for),
// else {0, ms to wait before asking again}.
var admitScript = redis.NewScript(`
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local win = tonumber(ARGV[2])
local touched = false
for i = 5, #ARGV do
  local s = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if s and tonumber(s) <= now then
    -- +1: the millisecond is rounded up, never down
    redis.call('ZADD', KEYS[1], 'XX', now + 1, ARGV[i])
    touched = true
  end
end
if touched then redis.call('PEXPIRE', KEYS[1], 2 * win) end
local hold = tonumber(redis.call('GET', KEYS[2]) or '0')
local add = tonumber(ARGV[3])
if add > 0 and now + add > hold then
  hold = now + add
  redis.call('SET', KEYS[2], hold, 'PX', add)
end
if ARGV[4] == '' then return {1, 0} end
if hold > now then return {0, hold - now} end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], 2 * win)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + win - now}
`)
