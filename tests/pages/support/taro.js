/**
 * '@tarojs/taro' as the H5 build sees it. In the build, '@tarojs/taro' is aliased to the H5 API
 * object and babel-plugin-transform-taroapi turns named imports (useRouter, useReachBottom, …) into
 * members of that object, which the React framework runtime filled in through the 'initNativeApi'
 * hook. Here the same pieces are wired by hand.
 */
const React = require('react');
const ReactDOM = require('react-dom');
const { hooks } = require('@tarojs/shared');
const framework = require('@tarojs/plugin-framework-react/dist/runtime');
const apis = require('@tarojs/plugin-platform-h5/dist/runtime/apis');

// The page hooks need the React that renders the pages (reactMeta.R in the framework runtime).
framework.createH5NativeComponentConfig(null, React, ReactDOM);

const taro = apis.default;
hooks.call('initNativeApi', taro);

module.exports = { ...apis, ...taro, default: taro, __esModule: true };
