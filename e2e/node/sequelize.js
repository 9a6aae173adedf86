// Sequelize 6 (npm sequelize over pg) against one server: e2e/node_test.go runs it on
// PostgreSQL 15 and on pgtidb and compares its output, one JSON line [step, result] per step.
//
// Usage: node sequelize.js postgres://user@host:port/db
//
// The steps are what a Sequelize application does: sync (CREATE TABLE with SERIAL keys,
// UNIQUE, foreign keys, defaults, jsonb), sync({alter}) (which describes every table through
// information_schema and pg_statio_all_tables and restates every column and unique key), then
// create/bulkCreate with RETURNING, finders with operators, eager loading (JOIN), count,
// update with RETURNING, upsert (INSERT … ON CONFLICT … DO UPDATE … RETURNING), managed
// transactions, destroy, and the query interface's describeTable and showIndex.
// Sequelize connects with `SET TIME ZONE INTERVAL '+00:00' HOUR TO MINUTE`.
'use strict';
const { Sequelize, DataTypes, Op } = require('sequelize');

const out = (step, result) => console.log(JSON.stringify([step, result]));

(async () => {
  const s = new Sequelize(process.argv[2], { logging: false });
  const User = s.define('User', {
    name: { type: DataTypes.STRING, allowNull: false, unique: true },
    age: DataTypes.INTEGER,
    bio: DataTypes.TEXT,
    meta: DataTypes.JSONB,
    active: { type: DataTypes.BOOLEAN, defaultValue: true },
  });
  const Post = s.define('Post', { title: DataTypes.STRING, score: DataTypes.DECIMAL(6, 2) });
  User.hasMany(Post);
  Post.belongsTo(User);
  try {
    await s.sync({ force: true });
    out('sync', 'ok');
    await s.sync({ alter: true });
    out('sync alter', 'ok');
    const ann = await User.create({ name: 'ann', age: 30, meta: { x: 1 } });
    out('create', [ann.id, ann.name, ann.active, ann.meta]);
    const bulk = await User.bulkCreate([{ name: 'bob', age: 20 }, { name: 'cy', age: 40 }], { returning: true });
    out('bulkCreate', bulk.map((u) => [u.id, u.name]));
    await Post.bulkCreate([{ title: 'p1', score: 1.5, UserId: ann.id }, { title: 'p2', score: 2, UserId: ann.id }]);
    out('findAll', (await User.findAll({ where: { age: { [Op.gte]: 30 } }, order: [['id', 'ASC']] })).map((u) => u.name));
    out('like', (await User.findAll({ where: { name: { [Op.like]: '%o%' } } })).map((u) => u.name));
    out('in', (await User.findAll({ where: { age: { [Op.in]: [20, 40] } }, order: [['age', 'DESC']] })).map((u) => u.name));
    out('include', (await User.findAll({ include: Post, order: [['id', 'ASC'], [Post, 'id', 'ASC']] }))
      .map((u) => [u.name, u.Posts.map((p) => [p.title, p.score])]));
    out('count', await Post.count({ where: { UserId: ann.id } }));
    out('sum', await User.sum('age'));
    out('max', await User.max('age'));
    const [n, rows] = await User.update({ age: 31 }, { where: { name: 'ann' }, returning: true });
    out('update', [n, rows.map((u) => u.age)]);
    const [up] = await User.upsert({ id: ann.id, name: 'ann', age: 99 });
    out('upsert', [up.id, up.age]);
    await s.transaction(async (t) => {
      await User.create({ name: 'tx' }, { transaction: t });
    });
    try {
      await s.transaction(async (t) => {
        await User.create({ name: 'rolled back' }, { transaction: t });
        throw new Error('roll back');
      });
    } catch (e) {
      out('rollback', e.message);
    }
    out('after transactions', (await User.findAll({ order: [['id', 'ASC']] })).map((u) => u.name));
    try {
      await User.create({ name: 'ann' });
    } catch (e) {
      out('unique violation', [e.name, e.parent && e.parent.code]);
    }
    out('destroy', await User.destroy({ where: { name: 'tx' } }));
    const qi = s.getQueryInterface();
    const desc = await qi.describeTable('Users');
    out('describeTable', Object.keys(desc).sort().map((k) => [k, desc[k].type, desc[k].allowNull, desc[k].primaryKey]));
    out('showIndex', (await qi.showIndex('Users')).map((i) => [i.name, i.unique, i.primary]).sort());
  } catch (e) {
    out('error', e.message);
  }
  await s.close();
})();
