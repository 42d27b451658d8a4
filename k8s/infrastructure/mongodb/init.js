// Forms replica set rs0 from the three StatefulSet members, once, then creates one user per
// service limited to its own database. Safe to run again: when the set already exists it only
// reports its state, and existing users get the password of the Secret again (rotation). Run
// by init-job.yaml as
//   mongosh --nodb --quiet --file /scripts/init.js
// with the root credentials in MONGODB_ROOT_USERNAME / MONGODB_ROOT_PASSWORD and each
// service's password in MONGODB_PASSWORD_<SERVICE> (AUTH_SERVICE, ...).
// The host names must match the cluster's DNS domain (cluster.local here) and the seed list
// of SPRING_MONGODB_URI in k8s/base/chat-suite-config.env.
const domain = 'mongodb.mongodb.svc.cluster.local';
const members = [0, 1, 2].map((i) => ({ _id: i, host: `mongodb-${i}.${domain}:27017` }));

const root = encodeURIComponent(process.env.MONGODB_ROOT_USERNAME);
const rootPassword = encodeURIComponent(process.env.MONGODB_ROOT_PASSWORD);
// Each member has the root user from its first start (the image's entrypoint), so the Job
// authenticates before the set exists as well as after.
function admin(host) {
  return new Mongo(`mongodb://${root}:${rootPassword}@${host}/?directConnection=true&authSource=admin&serverSelectionTimeoutMS=5000`)
    .getDB('admin');
}

function waitFor(what, check, attempts = 60) {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = check();
      if (result) {
        return result;
      }
      print(`waiting for ${what}`);
    }
    catch (e) {
      if (attempt >= attempts) {
        throw e;
      }
      print(`waiting for ${what}: ${e.message}`);
    }
    if (attempt >= attempts) {
      throw new Error(`gave up waiting for ${what}`);
    }
    sleep(5000);
  }
}

// 1. Every member answers.
for (const member of members) {
  waitFor(member.host, () => admin(member.host).runCommand({ ping: 1 }).ok === 1);
}

// 2. Initiate unless the set already exists. Depending on the shell version a failed command
// throws or returns { ok: 0 }; both are handled.
function run(db, command) {
  try {
    return db.runCommand(command);
  }
  catch (e) {
    return { ok: 0, code: e.code, codeName: e.codeName, errmsg: e.message };
  }
}
// Initiating is only safe when no member has a configuration yet: a member that lost its
// volume gets the configuration from the others by itself, and must not start a second set.
const notInitiated = (status) => status.code === 94 || status.codeName === 'NotYetInitialized';
const statuses = members.map((member) => run(admin(member.host), { replSetGetStatus: 1 }));
const first = admin(members[0].host);
if (statuses.some((status) => status.ok === 1)) {
  print('replica set rs0 already initiated');
}
else if (statuses.every(notInitiated)) {
  print('initiating replica set rs0');
  const initiated = run(first, { replSetInitiate: { _id: 'rs0', members } });
  // 23 AlreadyInitialized: another run got there first.
  if (initiated.ok !== 1 && initiated.code !== 23) {
    throw new Error(`replSetInitiate failed: ${initiated.errmsg}`);
  }
}
else {
  throw new Error(`replSetGetStatus failed: ${statuses.map((status) => status.errmsg).join('; ')}`);
}

// 3. A primary is elected.
const primary = waitFor('a primary', () => run(first, { hello: 1 }).primary);
print(`replica set rs0 ready, primary ${primary}`);

// 4. One user per service, on the primary, in the service's own database (authSource), with
// readWrite there and nothing anywhere else. The services' connection strings
// (<service>-mongodb in namespace chat-suite) carry the same passwords.
const services = {
  'auth-service': 'auth',
  'operator-domain-service': 'directory',
  'partner-service': 'partner',
  'ticket-service': 'tickets',
  'chat-room-service': 'chatrooms',
};
const primaryAdmin = admin(primary);
for (const [service, database] of Object.entries(services)) {
  const variable = `MONGODB_PASSWORD_${service.toUpperCase().replace(/-/g, '_')}`;
  const password = process.env[variable];
  if (!password) {
    throw new Error(`${variable} is not set`);
  }
  const db = primaryAdmin.getSiblingDB(database);
  const roles = [{ role: 'readWrite', db: database }];
  if (db.getUser(service)) {
    db.updateUser(service, { pwd: password, roles }, { w: 'majority' });
    print(`user ${service}: password and roles set again (database ${database})`);
  }
  else {
    db.createUser({ user: service, pwd: password, roles }, { w: 'majority' });
    print(`user ${service}: created (readWrite on ${database})`);
  }
}
