/**
 * wishlist: the caller's wish list (心愿单) and a friend's read-only view of a shared one.
 * Actions and their shapes: WishlistContract in src/domain/contracts.ts, documented in docs/contracts.md.
 * A gift sent from a shared list goes through gift.createGift with `wishlistToken`.
 */
import { defineFunction } from '@server/dispatch';
import { addWish, myWishlist, openWishlist, removeWish, savePreferences, shareWishlist } from '@server/wishlists';
import { wishlistRequestSchemas } from '@domain/wishlist/rules';

export const main = defineFunction('wishlist', {
  add: { schema: wishlistRequestSchemas.add, requiresUser: true, run: addWish },
  remove: { schema: wishlistRequestSchemas.remove, requiresUser: true, run: removeWish },
  mine: { schema: wishlistRequestSchemas.mine, requiresUser: true, run: myWishlist },
  savePreferences: { schema: wishlistRequestSchemas.savePreferences, requiresUser: true, run: savePreferences },
  share: { schema: wishlistRequestSchemas.share, requiresUser: true, run: shareWishlist },
  open: { schema: wishlistRequestSchemas.open, requiresUser: true, run: openWishlist },
});
