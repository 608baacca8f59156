import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('works with no environment at all', () => {
    const config = loadConfig({})
    assert.equal(config.port, 3000)
    assert.equal(config.host, '127.0.0.1')
    assert.equal(config.databaseUrl, undefined)
    assert.equal(config.dataDir, path.resolve('.data'))
    assert.equal(config.https, false)
    assert.equal(config.demoContent, true)
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db/coophub',
      DATA_DIR: '/var/lib/coophub',
      NETWORK_NAME: 'Northern Network',
      HTTPS: 'true',
      DEMO_CONTENT: 'false',
    })
    assert.equal(config.port, 8080)
    assert.equal(config.databaseUrl, 'postgres://u@db/coophub')
    assert.equal(config.dataDir, '/var/lib/coophub')
    assert.equal(config.networkName, 'Northern Network')
    assert.equal(config.https, true)
    assert.equal(config.demoContent, false)
  })

  it('treats empty values as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined)
  })

  it('lists every problem at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', HTTPS: 'maybe' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError)
        assert.equal(error.problems.length, 3)
        assert.match(error.message, /PORT/)
        assert.match(error.message, /DATABASE_URL: must start with postgres:\/\//)
        assert.match(error.message, /HTTPS/)
        return true
      },
    )
  })

  it('reads the membership settings, with a September year and 30 days to pay by default', () => {
    assert.deepEqual(loadConfig({}).membership.yearStarts, { month: 9, day: 1 })
    const config = loadConfig({
      MEMBERSHIP_YEAR_STARTS: '04-06',
      MEMBERSHIP_GRACE_DAYS: '60',
      INVOICE_PREFIX: 'NCN',
      INVOICE_ADDRESS: 'Town Hall\\nExampletown',
    })
    assert.deepEqual(config.membership.yearStarts, { month: 4, day: 6 })
    assert.equal(config.membership.paymentDays, 30)
    assert.equal(config.membership.graceDays, 60)
    assert.equal(config.membership.invoicePrefix, 'NCN')
    assert.equal(config.membership.invoiceAddress, 'Town Hall\nExampletown')
  })

  it('reads the scheduled backups: off without BACKUP_DIR, 14 kept by default', () => {
    assert.deepEqual(loadConfig({}).backup, { dir: undefined, keep: 14 })
    const config = loadConfig({ BACKUP_DIR: 'backups', BACKUP_KEEP: '30' })
    assert.equal(config.backup.dir, path.resolve('backups'))
    assert.equal(config.backup.keep, 30)
    assert.throws(() => loadConfig({ BACKUP_KEEP: '0' }), /BACKUP_KEEP: must keep at least 1 backup/)
    assert.throws(() => loadConfig({ BACKUP_KEEP: '2.5' }), /BACKUP_KEEP: must be a whole number of backups/)
    assert.throws(() => loadConfig({ BACKUP_KEEP: 'all' }), /BACKUP_KEEP/)
  })

  it('reads the open data limit: 600 a minute by default, 0 for none, never negative or fractional', () => {
    assert.equal(loadConfig({}).openDataRequestsPerMinute, 600)
    assert.equal(loadConfig({ OPEN_DATA_REQUESTS_PER_MINUTE: '0' }).openDataRequestsPerMinute, 0)
    assert.equal(loadConfig({ OPEN_DATA_REQUESTS_PER_MINUTE: '120' }).openDataRequestsPerMinute, 120)
    assert.throws(() => loadConfig({ OPEN_DATA_REQUESTS_PER_MINUTE: '-1' }), /OPEN_DATA_REQUESTS_PER_MINUTE: must be 0 \(no limit\) or more/)
    assert.throws(() => loadConfig({ OPEN_DATA_REQUESTS_PER_MINUTE: '1.5' }), /OPEN_DATA_REQUESTS_PER_MINUTE: must be a whole number of requests/)
  })

  it('refuses a year that would start on a day not every month has', () => {
    assert.throws(() => loadConfig({ MEMBERSHIP_YEAR_STARTS: '02-30' }), /MEMBERSHIP_YEAR_STARTS: must be a month and day/)
    assert.throws(() => loadConfig({ MEMBERSHIP_YEAR_STARTS: '9-1' }), /MEMBERSHIP_YEAR_STARTS/)
    assert.throws(() => loadConfig({ INVOICE_PREFIX: 'ccn-' }), /INVOICE_PREFIX: must be 2 to 8 capital letters/)
  })

  it('ends sessions after two idle hours and twelve hours in all by default, and reads both', () => {
    assert.deepEqual(loadConfig({}).sessions, { idleMinutes: 120, absoluteHours: 12 })
    assert.deepEqual(loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '24' }).sessions, { idleMinutes: 30, absoluteHours: 24 })
  })

  it('refuses session timeouts out of range, or an idle timeout longer than the absolute one', () => {
    for (const env of [{ SESSION_IDLE_MINUTES: '1' }, { SESSION_ABSOLUTE_HOURS: '0' }, { SESSION_ABSOLUTE_HOURS: '1000' }, { SESSION_IDLE_MINUTES: 'soon' }]) {
      assert.throws(() => loadConfig(env), ConfigError, JSON.stringify(env))
    }
    assert.throws(
      () => loadConfig({ SESSION_IDLE_MINUTES: '180', SESSION_ABSOLUTE_HOURS: '2' }),
      (error: unknown) => error instanceof ConfigError && /SESSION_IDLE_MINUTES: must be no longer than SESSION_ABSOLUTE_HOURS/.test(error.message),
    )
  })

  it('reads the security contact as a mailto: or https: address', () => {
    assert.equal(loadConfig({}).securityContact, undefined)
    assert.equal(loadConfig({ SECURITY_CONTACT: 'security@example.org' }).securityContact, 'mailto:security@example.org')
    assert.equal(loadConfig({ SECURITY_CONTACT: 'https://example.org/report' }).securityContact, 'https://example.org/report')
    assert.throws(() => loadConfig({ SECURITY_CONTACT: 'javascript:alert(1)' }), /SECURITY_CONTACT/)
  })
})
